/**
 * Type declarations for the modules c/handoffFirstTimeGuide imports:
 * HandoffNewPeopleController.getGuide and the custom labels of
 * labels/HandoffNewPeople.labels-meta.xml. Platform modules are declared once in
 * lightning-platform.d.ts.
 */

declare namespace HandoffNewPeople {
  /** HandoffNewPeopleController.Guide. */
  interface Guide {
    show: boolean;
    /** The handoff in hand: "Handoff {position} of your first {firstCount}". */
    position?: number | null;
    firstCount?: number | null;
    handoffsSoFar?: number | null;
    buddyName?: string | null;
  }
}

declare module '@salesforce/apex/HandoffNewPeopleController.getGuide' {
  /** The running user's first-time guide for an audience ("ae" or "csm"). */
  export default function getGuide(params: { audience: string }): Promise<HandoffNewPeople.Guide>;
}
declare module '@salesforce/label/c.Handoff_New_People_Title' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_New_People_Position' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_New_People_Buddy' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_New_People_No_Buddy' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_New_People_Hide' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_New_People_Hide_Help' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_New_People_Ae_Step_1' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_New_People_Ae_Step_2' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_New_People_Ae_Step_3' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_New_People_Ae_Step_4' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_New_People_Csm_Step_1' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_New_People_Csm_Step_2' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_New_People_Csm_Step_3' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_New_People_Csm_Step_4' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_New_People_Hidden' {
  const label: string;
  export default label;
}
