#!/usr/bin/env bash
# Deploys force-app to an authenticated org in two steps (custom metadata first), tells you what
# a production org needs, assigns permission set groups and optionally loads sample data.
#
#   npm run deploy [-- <options>]
#   bash scripts/org/deploy.sh [--target-org <alias>] [--check-only] [--yes]
#                              [--deploy-flows-active] [--reschedule-jobs]
#                              [--custom-metadata-only] [--permset-group <Name> ...]
#                              [--no-permset-groups] [--with-data]
#
#   --check-only            validate without changing anything: sf project deploy validate with
#                           all local Apex tests (RunLocalTests); nothing is deployed or assigned
#   --yes                   deploy to a production org without asking (for scripts; read the
#                           production notes this script prints first)
#   --deploy-flows-active   production only: turn on Flow Settings "Deploy processes and flows as
#                           active" before deploying, so the record-triggered flows arrive active
#                           (the deploy then also checks flow test coverage)
#   --reschedule-jobs       if the metrics jobs were scheduled by a release before the job
#                           dispatcher, unschedule them before the deploy and schedule them again
#                           after it (HandoffScheduler.unscheduleAll() / scheduleAll())
#   --custom-metadata-only  deploy only the first step: custom metadata types and records
#   --permset-group <Name>  assign this permission set group to the running user (repeatable;
#                           default: Handoff_Admins)
#   --no-permset-groups     assign nothing
#   --with-data             load sample data with `npm run demo-data -- --target-org <org>`
#                           when package.json has that script (skipped with a note otherwise)
#
# Why two steps: a formula that reads $CustomMetadata.<Type>.<Record> (a validation rule, a flow)
# is compiled when its object is deployed, and in one deploy the platform deploys objects before
# custom metadata records, so the record would not exist yet. The first step deploys every custom
# metadata type and record; the second deploys everything.

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() { sed -n '2,32p' "$0" | sed 's/^# \{0,1\}//'; }

TARGET_ORG=""
GROUPS_GIVEN=()
ASSIGN=true
WITH_DATA=false
CHECK_ONLY=false
YES=false
FLOWS_ACTIVE=false
RESCHEDULE=false
CMDT_ONLY=false
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
    --check-only) CHECK_ONLY=true && shift ;;
    --yes) YES=true && shift ;;
    --deploy-flows-active) FLOWS_ACTIVE=true && shift ;;
    --reschedule-jobs) RESCHEDULE=true && shift ;;
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
read_lines CMDT_DIRS custom_metadata_source_dirs

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

# ---- Jobs scheduled by a release before the dispatcher block the deploy ---------------------------

read_lines LEGACY_JOBS legacy_scheduled_jobs
if [[ ${#LEGACY_JOBS[@]} -gt 0 ]]; then
  say "Scheduled jobs that block this deploy"
  printf '  %s\n' "${LEGACY_JOBS[@]}"
  echo "These jobs hold the job classes themselves (scheduled by a release before"
  echo "HandoffJobDispatcher); the platform refuses to deploy a class with scheduled jobs."
  if [[ "$CHECK_ONLY" == true ]]; then
    echo "The validation below will fail on them: deploy with --reschedule-jobs, or run"
    echo "HandoffScheduler.unscheduleAll(); in anonymous Apex first."
  elif [[ "$RESCHEDULE" != true ]]; then
    die "rerun with --reschedule-jobs (unschedules them now and schedules them again, through
the dispatcher, after the deploy), or run HandoffScheduler.unscheduleAll(); in anonymous Apex
before deploying and HandoffScheduler.scheduleAll(); after it."
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
if [[ "$ORG_KIND" != production && "$FLOWS_ACTIVE" == true ]]; then
  echo "--deploy-flows-active: not needed here (flows deploy active outside production); ignored."
  FLOWS_ACTIVE=false
fi

say "Building the LWC TypeScript (npm run build)"
npm run build

# ---- Validate only ----------------------------------------------------------------------------------

if [[ "$CHECK_ONLY" == true ]]; then
  [[ "$WITH_DATA" == true || "$ASSIGN" == true ]] &&
    echo "(--check-only: no permission set group is assigned and no data is loaded)"
  if grep -rqs --include='*-meta.xml' --exclude-dir=customMetadata '\$CustomMetadata\.' force-app; then
    echo "Note: formulas in force-app read \$CustomMetadata records; a validation in one step"
    echo "fails while the org lacks them. Deploy them first with --custom-metadata-only."
  fi
  say "Validating force-app with all local tests (sf project deploy validate, RunLocalTests)"
  sf project deploy validate "${ORG_ARGS[@]}" --source-dir force-app \
    --test-level RunLocalTests --wait 60
  say "Validation passed: 'npm run deploy' (without --check-only) would deploy this to $ORG_USERNAME"
  exit 0
fi

# ---- Deploy -----------------------------------------------------------------------------------------

if [[ ${#LEGACY_JOBS[@]} -gt 0 ]]; then
  say "Unscheduling the jobs that hold the job classes (HandoffScheduler.unscheduleAll())"
  run_anonymous_apex 'HandoffScheduler.unscheduleAll();'
fi

CMDT_ARGS=()
for dir in "${CMDT_DIRS[@]}"; do CMDT_ARGS+=(--source-dir "$dir"); done
if [[ ${#CMDT_ARGS[@]} -gt 0 ]]; then
  say "Step 1 of 2: custom metadata types and records (${#CMDT_DIRS[@]} folders)"
  sf project deploy start "${ORG_ARGS[@]}" "${CMDT_ARGS[@]}" --wait 30
fi
if [[ "$CMDT_ONLY" == true ]]; then
  say "Deployed the custom metadata types and records to $ORG_USERNAME (--custom-metadata-only)"
  exit 0
fi

if [[ "$FLOWS_ACTIVE" == true && "$DEPLOY_ACTIVE" != on ]]; then
  say "Turning on Flow Settings 'Deploy processes and flows as active'"
  deploy_flow_settings_active
fi

TEST_ARGS=()
[[ "$ORG_KIND" == production ]] && TEST_ARGS=(--test-level RunLocalTests)
say "Step 2 of 2: force-app${TEST_ARGS[*]:+ (with all local tests)}"
sf project deploy start "${ORG_ARGS[@]}" --source-dir force-app "${TEST_ARGS[@]}" --wait 60

if [[ ${#LEGACY_JOBS[@]} -gt 0 ]]; then
  say "Scheduling the jobs again, through the dispatcher (HandoffScheduler.scheduleAll())"
  run_anonymous_apex 'HandoffScheduler.scheduleAll();'
  echo "They now run as $ORG_USERNAME (months and days are cut in that user's time zone)."
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
fi

if [[ "$WITH_DATA" == true ]]; then
  if node -e 'process.exit(require("./package.json").scripts?.["demo-data"] ? 0 : 1)'; then
    say "Loading sample data (npm run demo-data)"
    npm run demo-data -- --target-org "$ORG_USERNAME"
  else
    say "No demo-data script in package.json: sample data skipped"
  fi
fi

say "Deployed to $ORG_USERNAME"
