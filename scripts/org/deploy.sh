#!/usr/bin/env bash
# Deploys force-app to an authenticated org, assigns permission set groups and optionally
# loads sample data.
#
#   npm run deploy [-- <options>]
#   bash scripts/org/deploy.sh [--target-org <alias>] [--permset-group <Name> ...]
#                              [--no-permset-groups] [--with-data]
#
#   --permset-group <Name>  assign this permission set group to the running user (repeatable;
#                           default: Handoff_Admins)
#   --no-permset-groups     assign nothing
#   --with-data             load sample data with `npm run demo-data -- --target-org <org>`
#                           when package.json has that script (skipped with a note otherwise)

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; }

TARGET_ORG=""
GROUPS_GIVEN=()
ASSIGN=true
WITH_DATA=false
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
    -h | --help) usage && exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done
set_target_org "$TARGET_ORG"
[[ ${#GROUPS_GIVEN[@]} -gt 0 ]] || GROUPS_GIVEN=(Handoff_Admins)

say "Checking the target org"
require_org

say "Building the LWC TypeScript (npm run build)"
npm run build

say "Deploying force-app"
sf project deploy start "${ORG_ARGS[@]}" --source-dir force-app --wait 30

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
