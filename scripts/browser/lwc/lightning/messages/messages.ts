/**
 * Stand-in for `lightning-messages` (not published by Salesforce). The stand-in
 * `lightning-record-edit-form` shows its save error itself, at the top of the form where this
 * element usually stands, so this one draws nothing.
 */
import { LightningElement } from 'lwc';

export default class Messages extends LightningElement {}
