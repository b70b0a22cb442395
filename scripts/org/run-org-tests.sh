#!/usr/bin/env bash
# Deploys the project to an authenticated org and runs its Apex and Flow tests there.
#
#   npm run test:org [-- --target-org <alias>] [-- --skip-deploy] [-- --reset-settings]
#   bash scripts/org/run-org-tests.sh [--target-org <alias>] [--skip-deploy] [--reset-settings]
#
# Uses the given org, else sf's default org (sf org login web --set-default, or a scratch
# org created with --set-default). Deploys with scripts/org/deploy.sh (--no-permset-groups), so
# the org's settings records are kept (--reset-settings overwrites them) and our scheduled jobs
# are rescheduled around the deploy. Assigns no permissions: the tests create their own users.
# Exits non-zero when the deploy or any test fails.
#
# Apex: sf apex run test --test-level RunLocalTests --code-coverage.
# Flow tests (FlowTest metadata, force-app/**/flowtests): `sf logic run test --test-category
# Flow` from the bundled plugin-apex. (`sf flow run test` belongs to @salesforce/plugin-flow, a
# just-in-time plugin that sf downloads from npm on first use, so it is not relied on here.)

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; }

TARGET_ORG=""
SKIP_DEPLOY=false
DEPLOY_OPTIONS=(--no-permset-groups)
while [[ $# -gt 0 ]]; do
  case "$1" in
    -o | --target-org)
      [[ -n "${2:-}" ]] || die "$1 needs an org alias or username"
      TARGET_ORG="$2"
      shift 2
      ;;
    --skip-deploy) SKIP_DEPLOY=true && shift ;;
    --reset-settings) DEPLOY_OPTIONS+=(--reset-settings) && shift ;;
    -h | --help) usage && exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done
set_target_org "$TARGET_ORG"

say "Checking the target org"
require_org

if [[ "$SKIP_DEPLOY" == false ]]; then
  # The same deploy as npm run deploy: one step, the org's settings records kept, jobs
  # rescheduled around it, production's notes and confirmation.
  bash "$ORG_SCRIPTS_DIR/deploy.sh" ${ORG_ARGS[@]+"${ORG_ARGS[@]}"} "${DEPLOY_OPTIONS[@]}"
fi

failures=()

say "Running Apex tests (RunLocalTests, with coverage)"
if ! sf apex run test "${ORG_ARGS[@]}" --test-level RunLocalTests --code-coverage \
  --result-format human --wait 30; then
  failures+=("Apex tests")
fi

if [[ -n "$(find force-app -name '*.flowtest-meta.xml' -print -quit)" ]]; then
  say "Running Flow tests (RunLocalTests)"
  if ! sf logic run test "${ORG_ARGS[@]}" --test-category Flow --test-level RunLocalTests \
    --result-format human --wait 30; then
    failures+=("Flow tests")
  fi
else
  say "No Flow tests in force-app (no *.flowtest-meta.xml): skipped"
fi

if [[ ${#failures[@]} -gt 0 ]]; then
  die "failed: ${failures[*]}"
fi
say "All org tests passed"
