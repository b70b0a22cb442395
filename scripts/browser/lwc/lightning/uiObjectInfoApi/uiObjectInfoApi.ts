/**
 * Stand-in for `lightning/uiObjectInfoApi` (not published by Salesforce): getObjectInfo and
 * getPicklistValues as wire adapters answered by the journey's fake server (the same
 * getObjectInfo.json fixtures the Jest tests emit).
 */
import { serverAdapter } from '../../../app/wire';

export const getObjectInfo = serverAdapter('getObjectInfo');
export const getPicklistValues = serverAdapter('getPicklistValues');
