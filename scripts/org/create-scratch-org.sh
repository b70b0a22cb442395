#!/usr/bin/env bash
# Creates a scratch org from config/project-scratch-def.json, deploys the project, assigns
# Handoff_Admins to the scratch org's admin user and runs the Apex and Flow tests.
#
#   bash scripts/org/create-scratch-org.sh [--alias handoff] [--dev-hub <alias>]
#                                          [--duration-days 7] [--create-only] [--no-tests]
#
#   --dev-hub <alias>  the Dev Hub (default: sf's default Dev Hub, `sf config set target-dev-hub`)
#   --create-only      create the org (as the default org) and stop
#   --no-tests         create, deploy and assign, but do not run tests

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; }

ALIAS=handoff
DEV_HUB=""
DAYS=7
CREATE_ONLY=false
RUN_TESTS=true
while [[ $# -gt 0 ]]; do
  case "$1" in
    -a | --alias | -v | --dev-hub | -y | --duration-days)
      [[ -n "${2:-}" ]] || die "$1 needs a value"
      case "$1" in
        -a | --alias) ALIAS="$2" ;;
        -v | --dev-hub) DEV_HUB="$2" ;;
        *) DAYS="$2" ;;
      esac
      shift 2
      ;;
    --create-only) CREATE_ONLY=true && shift ;;
    --no-tests) RUN_TESTS=false && shift ;;
    -h | --help) usage && exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done

HUB_ARGS=()
[[ -n "$DEV_HUB" ]] && HUB_ARGS=(--target-dev-hub "$DEV_HUB")
if [[ -z "$DEV_HUB" ]] && [[ -z "$(sf config get target-dev-hub --json 2>/dev/null | json_get result.0.value)" ]]; then
  die "no Dev Hub: log in to one with
  sf org login web --alias devhub --set-default-dev-hub
(enable Dev Hub in its Setup first), or pass --dev-hub <alias>."
fi

say "Creating scratch org '$ALIAS' ($DAYS days)"
sf org create scratch "${HUB_ARGS[@]}" --definition-file config/project-scratch-def.json \
  --alias "$ALIAS" --duration-days "$DAYS" --set-default --wait 30

[[ "$CREATE_ONLY" == true ]] && say "Created '$ALIAS' (default org)" && exit 0

bash "$ORG_SCRIPTS_DIR/deploy.sh" --target-org "$ALIAS"

if [[ "$RUN_TESTS" == true ]]; then
  bash "$ORG_SCRIPTS_DIR/run-org-tests.sh" --target-org "$ALIAS" --skip-deploy
fi

say "Scratch org '$ALIAS' is ready: sf org open --target-org $ALIAS"
