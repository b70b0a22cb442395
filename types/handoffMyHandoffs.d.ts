/**
 * Custom labels only c/handoffMyHandoffs imports (labels/HandoffIntake.labels-meta.xml); the
 * rest of its modules are declared with the intake checklist's in handoffIntake.d.ts.
 */

declare module '@salesforce/label/c.Handoff_Intake_My_Returned_At' {
  const label: string;
  export default label;
}
