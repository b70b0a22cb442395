#!/usr/bin/env bash
# Deploys force-app to an authenticated org in one deploy, keeping the settings an admin already
# has, tells you what a production org needs, assigns permission set groups and optionally loads
# sample data.
#
#   npm run deploy [-- <options>]
#   bash scripts/org/deploy.sh [--target-org <alias>] [--check-only] [--yes]
#                              [--reset-settings] [--keep-jobs] [--deploy-flows-active]
#                              [--custom-metadata-only] [--permset-group <Name> ...]
#                              [--no-permset-groups] [--with-data] [--with-ai]
#
#   --check-only            validate without changing anything, with all local Apex tests
#                           (RunLocalTests): sf project deploy validate in production, sf project
#                           deploy start --dry-run in a sandbox or scratch org; nothing is
#                           deployed, scheduled or assigned
#   --yes                   deploy to a production org without asking (for scripts; read the
#                           production notes this script prints first)
#   --reset-settings        also deploy the shipped custom metadata records the org already has,
#                           overwriting the admin's settings with the shipped values (Rollout Mode
#                           back to Installed, segment policies, field rules, thresholds…);
#                           production asks to confirm. Without it an upgrade keeps them.
#   --keep-jobs             leave our scheduled jobs alone during the deploy (only when Setup >
#                           Deployment Settings "Allow deployments of components when
#                           corresponding Apex jobs are pending or in progress" is on). Without
#                           it, jobs found are unscheduled before the deploy and scheduled again
#                           after it, also when the deploy fails.
#   --custom-metadata-only  deploy only the custom metadata types and the records to deploy (as
#                           above: the org's records kept unless --reset-settings); for a formula
#                           of yours that reads a record new in this release
#   --deploy-flows-active   production only: turn on Flow Settings "Deploy processes and flows as
#                           active" before deploying, so the record-triggered flows arrive active
#                           (the deploy then also checks flow test coverage)
#   --permset-group <Name>  assign this permission set group to the running user (repeatable;
#                           default: Handoff_Admins)
#   --no-permset-groups     assign nothing
#   --with-data             load sample data with `npm run demo-data -- --target-org <org>`
#                           when package.json has that script (skipped with a note otherwise)
#   --with-ai               also deploy the optional AI draft, force-app-ai (a Prompt Builder
#                           template, its Apex and the Handoff_AI_Draft permission set), in a
#                           second deploy after force-app, and assign Handoff_AI_Draft to the
#                           running user (not with --no-permset-groups). Needs an org with
#                           Prompt Builder and a deploying user with Prompt Template Manager
#                           (docs/ai-draft.md). Without it nothing of force-app-ai is deployed.
#
# Custom metadata records (customMetadata/) are the product's settings. On a first install all of
# them deploy. When the org already has the product, the records it has are left out of the
# deploy (the types and any record new in this release still deploy), and the output lists them.

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() { sed -n '2,47p' "$0" | sed 's/^# \{0,1\}//'; }

TARGET_ORG=""
GROUPS_GIVEN=()
ASSIGN=true
WITH_DATA=false
CHECK_ONLY=false
YES=false
FLOWS_ACTIVE=false
RESET_SETTINGS=false
KEEP_JOBS=false
CMDT_ONLY=false
WITH_AI=false
AI_SOURCE=force-app-ai
while [[ $# -gt 0 ]]; do
  case "$1" in
    -o | --target-org)
      [[ -n "${2:-}" ]] || die "$1 needs an org alias or username"
      TARGET_ORG="$2"
      shift 2
      ;;
    --permset-group)
      [[ -n "${2:-}" ]] || die "$1 needs a permission set group DeveloperName"
      GROUPS_GIVEN+=("$2")
      shift 2
      ;;
    --no-permset-groups) ASSIGN=false && shift ;;
    --with-data) WITH_DATA=true && shift ;;
    --with-ai) WITH_AI=true && shift ;;
    --check-only) CHECK_ONLY=true && shift ;;
    --yes) YES=true && shift ;;
    --deploy-flows-active) FLOWS_ACTIVE=true && shift ;;
    --reset-settings) RESET_SETTINGS=true && shift ;;
    --keep-jobs) KEEP_JOBS=true && shift ;;
    --reschedule-jobs)
      echo "--reschedule-jobs: rescheduling is now what the deploy does when it finds our jobs; the option is no longer needed."
      shift
      ;;
    --custom-metadata-only) CMDT_ONLY=true && shift ;;
    -h | --help) usage && exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done
set_target_org "$TARGET_ORG"
[[ ${#GROUPS_GIVEN[@]} -gt 0 ]] || GROUPS_GIVEN=(Handoff_Admins)
if [[ "$CHECK_ONLY" == true && "$CMDT_ONLY" == true ]]; then
  die "--check-only and --custom-metadata-only do not go together: choose one"
fi
if [[ "$WITH_AI" == true && "$CMDT_ONLY" == true ]]; then
  die "--with-ai and --custom-metadata-only do not go together: the AI draft has no settings records"
fi
if [[ "$WITH_AI" == true && ! -d "$AI_SOURCE" ]]; then
  die "--with-ai: $AI_SOURCE not found (run from the project's root)"
fi

say "Checking the target org"
require_org
detect_org_kind
case "$ORG_KIND" in
  production) echo "Org kind: PRODUCTION ($ORG_EDITION)" ;;
  sandbox) echo "Org kind: sandbox ($ORG_EDITION)" ;;
  scratch) echo "Org kind: scratch or trial org ($ORG_EDITION, expires ${ORG_EXPIRES:-?})" ;;
esac

read_lines RT_FLOWS record_triggered_flows
read_lines SCHEDULED_PATH_FLOWS flows_with_scheduled_paths

# ---- What the org needs, said before anything changes -------------------------------------------

DEPLOY_ACTIVE=unknown
if [[ "$ORG_KIND" == production ]]; then
  DEPLOY_ACTIVE="$(flow_deploy_as_active_setting)"
  say "Deploying to a production org: read this first"
  echo "- The deploy runs all local Apex tests of the org (RunLocalTests), ours and yours; it"
  echo "  fails, and changes nothing, if any of them fails. 'npm run deploy -- --check-only'"
  echo "  shows that without changing anything."
  if [[ ${#RT_FLOWS[@]} -gt 0 ]]; then
    echo "- Record-triggered flows (${#RT_FLOWS[@]}):"
    printf '    %s\n' "${RT_FLOWS[@]}"
    case "$DEPLOY_ACTIVE" in
      on)
        echo "  Flow Settings 'Deploy processes and flows as active' is ON: they arrive active,"
        echo "  and the deploy also checks the org's flow test coverage."
        ;;
      off)
        if [[ "$FLOWS_ACTIVE" == true ]]; then
          echo "  Flow Settings 'Deploy processes and flows as active' is off; --deploy-flows-active"
          echo "  turns it ON before the deploy (an org-wide setting: Setup > Process Automation"
          echo "  Settings), so they arrive active and the deploy checks flow test coverage."
        else
          echo "  Flow Settings 'Deploy processes and flows as active' is OFF: they arrive INACTIVE."
          echo "  After the deploy, activate each one (the list follows the deploy), or rerun with"
          echo "  --deploy-flows-active to turn the setting on deliberately."
        fi
        ;;
      *)
        echo "  Could not read Flow Settings: if 'Deploy processes and flows as active' is off"
        echo "  (Setup > Process Automation Settings) they arrive INACTIVE; the check after the"
        echo "  deploy lists any that are."
        ;;
    esac
  fi
fi
if [[ "$ORG_KIND" != scratch && ${#SCHEDULED_PATH_FLOWS[@]} -gt 0 ]]; then
  echo "- The scheduled paths of ${#SCHEDULED_PATH_FLOWS[@]} flows run as the user whose change started"
  echo "  them, or as the Default Workflow User when that user is inactive: set one in Setup >"
  echo "  Process Automation Settings > Default Workflow User (this script cannot read it)."
fi

# ---- The admin's settings: custom metadata records ------------------------------------------------

say "Settings (custom metadata records)"
plan_custom_metadata "$RESET_SETTINGS"
if [[ ${#CMDT_IN_ORG[@]} -eq 0 ]]; then
  echo "First install: the ${#CMDT_NEW[@]} shipped records deploy (Rollout Mode: Installed)."
elif [[ "$RESET_SETTINGS" == true ]]; then
  echo "--reset-settings: the shipped values OVERWRITE these ${#CMDT_IN_ORG[@]} records of the org, with"
  echo "any change an admin made to them in Setup (records the org added stay as they are):"
  printf '  %s\n' "${CMDT_IN_ORG[@]}"
  MODE_NOW="$(query_value "SELECT Rollout_Mode__c FROM Handoff_Setting__mdt WHERE DeveloperName = 'Default'" Rollout_Mode__c)"
  MODE_SHIPPED="$(shipped_field_value Handoff_Setting.Default Rollout_Mode__c)"
  if [[ -n "$MODE_NOW" && -n "$MODE_SHIPPED" && "$MODE_NOW" != "$MODE_SHIPPED" ]]; then
    echo "Rollout Mode goes from $MODE_NOW back to $MODE_SHIPPED."
  fi
  if [[ "$ORG_KIND" == production && "$CHECK_ONLY" != true && "$YES" != true ]]; then
    if [[ -t 0 ]]; then
      printf '\nOverwrite these settings in the production org of %s? Type reset to continue: ' "$ORG_USERNAME"
      read -r answer
      [[ "$answer" == reset ]] || die "not deployed: the settings were not reset"
    else
      die "--reset-settings in a production org and no terminal to confirm on: rerun with
--yes to overwrite the settings above, or without --reset-settings to keep them."
    fi
  fi
else
  echo "Already installed: the org's ${#CMDT_IN_ORG[@]} settings records are KEPT as they are (not deployed):"
  printf '  %s\n' "${CMDT_KEPT[@]}"
  if [[ ${#CMDT_NEW[@]} -gt 0 ]]; then
    echo "Records this release ships that the org does not have, deployed with their shipped values:"
    printf '  %s\n' "${CMDT_NEW[@]}"
    echo "(A shipped record someone deleted in the org comes back this way: delete it again after"
    echo "the deploy, or make it inactive or optional instead of deleting it.)"
  fi
  echo "To overwrite the kept records with the shipped values, rerun with --reset-settings."
fi

# ---- Our scheduled jobs: the platform refuses to deploy a class they hold ------------------------

JOB_NAMES="$(our_job_names)"
JOBS_UNSCHEDULE=false
if [[ "$CMDT_ONLY" == true ]]; then
  : # no class is deployed
elif ! read_scheduled_jobs; then
  echo "could not read scheduled jobs: $SF_QUERY_ERROR"
  echo "If one of our jobs is scheduled, the deploy fails with 'This schedulable class has jobs"
  echo "pending or in progress'; run HandoffScheduler.unscheduleAll(); in anonymous Apex before"
  echo "deploying and HandoffScheduler.scheduleAll(); after it."
  if [[ "$ORG_KIND" == production && "$YES" != true ]]; then
    die "could not read scheduled jobs in a production org: fix the access (the user needs
View Setup and Configuration) and rerun, or rerun with --yes to deploy without that check."
  fi
elif [[ ${#SCHEDULED_JOBS[@]} -gt 0 ]]; then
  say "Scheduled jobs that hold our classes"
  OTHER_NAMES=()
  OTHER_USERS=()
  for job in "${SCHEDULED_JOBS[@]}"; do
    IFS='|' read -r job_class job_name job_by <<<"$job"
    echo "  $job_name ($job_class${job_by:+, scheduled by $job_by})"
    grep -Fxq -- "$job_name" <<<"$JOB_NAMES" || OTHER_NAMES+=("$job_name ($job_class)")
    [[ -z "$job_by" || "$job_by" == "$ORG_USERNAME" ]] || OTHER_USERS+=("$job_by")
  done
  echo "The Metadata API refuses to deploy a class with scheduled jobs unless Setup > Deployment"
  echo "Settings 'Allow deployments of components when corresponding Apex jobs are pending or in"
  echo "progress' is on, and this deploy ships those classes."
  if [[ "$KEEP_JOBS" == true ]]; then
    echo "--keep-jobs: they stay scheduled; the deploy succeeds only if that setting is on."
  elif [[ "$CHECK_ONLY" == true ]]; then
    echo "--check-only leaves them scheduled, so the validation fails on those classes unless that"
    echo "setting is on. The deploy itself unschedules them first and schedules them again after."
  elif [[ ${#OTHER_NAMES[@]} -gt 0 ]]; then
    die "these jobs hold our classes under names HandoffScheduler does not manage, so this script
cannot unschedule and reschedule them:
$(printf '  %s\n' "${OTHER_NAMES[@]}")
Either delete them in Setup > Scheduled Jobs, deploy, then schedule ours with
HandoffScheduler.scheduleAll(); in anonymous Apex; or turn on the Deployment Settings option above
and rerun with --keep-jobs."
  else
    JOBS_UNSCHEDULE=true
    echo "The deploy unschedules them just before it starts (HandoffScheduler.unscheduleAll()) and"
    echo "schedules them again right after (HandoffScheduler.scheduleAll()), also when it fails."
    echo "They will then run as $ORG_USERNAME, with the standard times (months and days are cut in"
    echo "that user's time zone). If the Deployment Settings option above is on, --keep-jobs leaves"
    echo "them as they are."
    if [[ ${#OTHER_USERS[@]} -gt 0 ]]; then
      echo "Note: they were scheduled by $(printf '%s\n' "${OTHER_USERS[@]}" | sort -u | paste -sd, -)"
      echo "who can run HandoffScheduler.scheduleAll(); after the deploy to own them again."
    fi
  fi
fi

# ---- Production: confirm ----------------------------------------------------------------------------

if [[ "$ORG_KIND" == production && "$CHECK_ONLY" != true && "$YES" != true ]]; then
  if [[ -t 0 ]]; then
    printf '\nDeploy to the production org of %s? Type yes to continue: ' "$ORG_USERNAME"
    read -r answer
    [[ "$answer" == yes ]] || die "not deployed"
  else
    die "this is a production org and there is no terminal to confirm on: read the notes above,
then rerun with --yes (or validate first with --check-only)."
  fi
fi
if [[ "$CMDT_ONLY" == true ]]; then
  say "Deploying only the custom metadata types and the records above (--custom-metadata-only)"
  sf project deploy start "${ORG_ARGS[@]}" "${CMDT_ONLY_SOURCE_ARGS[@]}" --wait 30
  say "Deployed the custom metadata types and records to $ORG_USERNAME; deploy the rest with npm run deploy"
  exit 0
fi

if [[ "$ORG_KIND" != production && "$FLOWS_ACTIVE" == true ]]; then
  echo "--deploy-flows-active: not needed here (flows deploy active outside production); ignored."
  FLOWS_ACTIVE=false
fi

say "Building the LWC TypeScript (npm run build)"
npm run build

# The optional AI draft: validated with force-app (--check-only), deployed after it.
AI_SOURCE_ARGS=()
if [[ "$WITH_AI" == true ]]; then
  AI_SOURCE_ARGS=(--source-dir "$AI_SOURCE")
  echo "--with-ai: $AI_SOURCE (the AI draft) goes with this deploy; the org needs Prompt Builder and"
  echo "the deploying user Prompt Template Manager (docs/ai-draft.md)."
fi

# ---- Validate only ----------------------------------------------------------------------------------

if [[ "$CHECK_ONLY" == true ]]; then
  [[ "$WITH_DATA" == true || "$ASSIGN" == true ]] &&
    echo "(--check-only: no permission set group is assigned and no data is loaded)"
  if [[ "$ORG_KIND" == production ]]; then
    say "Validating with all local tests (sf project deploy validate, RunLocalTests)"
    sf project deploy validate "${ORG_ARGS[@]}" "${DEPLOY_SOURCE_ARGS[@]}" ${AI_SOURCE_ARGS[@]+"${AI_SOURCE_ARGS[@]}"} \
      --test-level RunLocalTests --wait 60
  else
    # sf's help: validate is meant for production; a sandbox or scratch org validates with tests
    # through deploy start --dry-run.
    say "Validating with all local tests (sf project deploy start --dry-run, RunLocalTests)"
    sf project deploy start "${ORG_ARGS[@]}" "${DEPLOY_SOURCE_ARGS[@]}" ${AI_SOURCE_ARGS[@]+"${AI_SOURCE_ARGS[@]}"} --dry-run \
      --test-level RunLocalTests --wait 60
  fi
  say "Validation passed: 'npm run deploy' (without --check-only) would deploy this to $ORG_USERNAME"
  exit 0
fi

# ---- Deploy -----------------------------------------------------------------------------------------

JOBS_AWAY=false
reschedule_jobs() {
  [[ "$JOBS_AWAY" == true ]] || return 0
  JOBS_AWAY=false
  say "Scheduling the jobs again (HandoffScheduler.scheduleAll())"
  if run_anonymous_apex 'HandoffScheduler.scheduleAll();'; then
    echo "Scheduled again; they run as $ORG_USERNAME."
  else
    printf '%s\n' "deploy.sh: the jobs are NOT scheduled: run HandoffScheduler.scheduleAll(); in" \
      "anonymous Apex (Developer Console > Debug > Open Execute Anonymous Window) as an admin." >&2
    return 1
  fi
}
if [[ "$JOBS_UNSCHEDULE" == true ]]; then
  trap 'reschedule_jobs || true' EXIT
  say "Unscheduling our jobs for the deploy (HandoffScheduler.unscheduleAll())"
  JOBS_AWAY=true
  run_anonymous_apex 'HandoffScheduler.unscheduleAll();'
fi

if [[ "$FLOWS_ACTIVE" == true && "$DEPLOY_ACTIVE" != on ]]; then
  say "Turning on Flow Settings 'Deploy processes and flows as active'"
  deploy_flow_settings_active
fi

TEST_ARGS=()
[[ "$ORG_KIND" == production ]] && TEST_ARGS=(--test-level RunLocalTests)
WHAT=force-app
[[ ${#CMDT_KEPT[@]} -eq 0 ]] || WHAT="force-app without the ${#CMDT_KEPT[@]} settings records the org has"
say "Deploying $WHAT${TEST_ARGS[*]:+ (with all local tests)}"
DEPLOY_FAILED=false
sf project deploy start "${ORG_ARGS[@]}" "${DEPLOY_SOURCE_ARGS[@]}" ${TEST_ARGS[@]+"${TEST_ARGS[@]}"} \
  --wait 60 || DEPLOY_FAILED=true

RESCHEDULE_FAILED=false
reschedule_jobs || RESCHEDULE_FAILED=true
[[ "$DEPLOY_FAILED" == false ]] || die "the deploy failed (see above); nothing was deployed."
[[ "$RESCHEDULE_FAILED" == false ]] || die "deployed, but the jobs are not scheduled again (see above)."

if [[ "$WITH_AI" == true ]]; then
  say "Deploying the AI draft ($AI_SOURCE)${TEST_ARGS[*]:+ (with all local tests)}"
  if ! sf project deploy start "${ORG_ARGS[@]}" "${AI_SOURCE_ARGS[@]}" ${TEST_ARGS[@]+"${TEST_ARGS[@]}"} \
    --wait 60; then
    die "force-app is deployed, but the AI draft was refused (see above). Does the org have
Prompt Builder (Einstein turned on, an Einstein add-on) and the deploying user the Prompt
Template Manager permission set? See docs/ai-draft.md. The product works without it: the panel
hides Draft with AI."
  fi
fi

if [[ ${#RT_FLOWS[@]} -gt 0 ]]; then
  read_lines INACTIVE inactive_flows "${RT_FLOWS[@]}"
  if [[ ${#INACTIVE[@]} -gt 0 ]]; then
    say "Flows deployed INACTIVE: the SLA warnings, breach escalations and exception follow-ups do not run until you activate them"
    printf '  %s\n' "${INACTIVE[@]}"
    echo "Activate each: Setup > Process Automation > Flows > open the flow > Activate (the"
    echo "version just deployed). Or turn on 'Deploy processes and flows as active' in Setup >"
    echo "Process Automation Settings (or deploy with --deploy-flows-active) and deploy again."
  else
    echo "Record-triggered flows active: ${RT_FLOWS[*]}"
  fi
fi

if [[ "$ASSIGN" == true ]]; then
  say "Assigning permission set groups to $ORG_USERNAME"
  for group in "${GROUPS_GIVEN[@]}"; do
    assign_permission_set_group "$group" "$ORG_USER_ID"
  done
  if [[ "$WITH_AI" == true ]]; then
    say "Assigning the permission set Handoff_AI_Draft to $ORG_USERNAME"
    sf org assign permset "${ORG_ARGS[@]}" --name Handoff_AI_Draft ||
      echo "Handoff_AI_Draft not assigned (see above); assign it in Setup > Permission Sets."
    echo "Users of Draft with AI also need Salesforce's Prompt Template User permission set."
  fi
fi

if [[ "$WITH_DATA" == true ]]; then
  if node -e 'process.exit(require("./package.json").scripts?.["demo-data"] ? 0 : 1)'; then
    say "Loading sample data (npm run demo-data)"
    npm run demo-data -- --target-org "$ORG_USERNAME"
  else
    say "No demo-data script in package.json: sample data skipped"
  fi
fi

if [[ ${#CMDT_KEPT[@]} -gt 0 ]]; then
  say "Deployed to $ORG_USERNAME; kept the org's ${#CMDT_KEPT[@]} settings records as they were"
else
  say "Deployed to $ORG_USERNAME"
fi
