/**
 * Type declarations for the modules c/handoffIntakeTeam (and c/handoffMyHandoffs' team line)
 * import: HandoffTeamController's methods and the custom labels of
 * labels/HandoffTeam.labels-meta.xml. Platform modules are declared once in
 * lightning-platform.d.ts.
 */

/** The data HandoffTeamController returns, as the component receives it (Datetime as ISO 8601). */
declare namespace HandoffTeam {
  /** One line of the team (HandoffTeamController.MemberView). */
  interface MemberView {
    /** Null for the primary CSM's line. */
    memberId?: string | null;
    userId?: string | null;
    userName?: string | null;
    role?: string | null;
    primary: boolean;
    required: boolean;
    active: boolean;
    byFallback: boolean;
    assignedAt?: string | null;
    assignmentReason?: string | null;
    removedAt?: string | null;
    removedReason?: string | null;
  }

  /** HandoffTeamController.getTeamView (HandoffTeamController.TeamView). */
  interface TeamView {
    members: MemberView[];
    canReassign: boolean;
  }
}

declare module '@salesforce/apex/HandoffTeamController.getTeamView' {
  /** Wire adapter (cacheable): a handoff's team and whether the user may reassign a member. */
  export default function getTeamView(params: {
    handoffId?: string;
  }): Promise<HandoffTeam.TeamView>;
}

declare module '@salesforce/apex/HandoffTeamController.reassignMember' {
  /** Replaces one member (newUserId null: the role's rules choose); resolves to the team. */
  export default function reassignMember(params: {
    memberId: string;
    newUserId: string | null;
    reason: string;
  }): Promise<HandoffTeam.MemberView[]>;
}

declare module '@salesforce/label/c.Handoff_Team_By_Fallback' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Team_Cancel' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Team_Close' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Team_Done' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Team_Done_Any' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Team_Earlier' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Team_Form_Invalid' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Team_Heading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Team_Load_Error' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Team_Loading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Team_My_Role' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Team_New_User' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Team_New_User_Help' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Team_No_Reason' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Team_Optional' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Team_Primary' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Team_Reason' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Team_Reassign' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Team_Reassign_Description' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Team_Reassign_Heading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Team_Reassign_Member' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Team_Replaced' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Team_Required' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Team_Retry' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Team_Why' {
  const label: string;
  export default label;
}
