#!/usr/bin/env bash
# Deploys the project to an authenticated org and runs its Apex and Flow tests there.
#
#   npm run test:org [-- --target-org <alias>] [-- --skip-deploy]
#   bash scripts/org/run-org-tests.sh [--target-org <alias>] [--skip-deploy]
#
# Uses the given org, else sf's default org (sf org login web --set-default, or a scratch
# org created with --set-default). Assigns no permissions: the tests create their own users.
# Exits non-zero when the deploy or any test fails.
#
# Apex: sf apex run test --test-level RunLocalTests --code-coverage.
# Flow tests (FlowTest metadata, force-app/**/flowtests): `sf logic run test --test-category
# Flow` from the bundled plugin-apex. (`sf flow run test` belongs to @salesforce/plugin-flow, a
# just-in-time plugin that sf downloads from npm on first use, so it is not relied on here.)

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; }

TARGET_ORG=""
SKIP_DEPLOY=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    -o | --target-org)
      [[ -n "${2:-}" ]] || die "$1 needs an org alias or username"
      TARGET_ORG="$2"
      shift 2
      ;;
    --skip-deploy) SKIP_DEPLOY=true && shift ;;
    -h | --help) usage && exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done
set_target_org "$TARGET_ORG"

say "Checking the target org"
require_org

if [[ "$SKIP_DEPLOY" == false ]]; then
  say "Building the LWC TypeScript (npm run build)"
  npm run build

  # Custom metadata first, as deploy.sh does (a formula may read a record that ships with it).
  read_lines CMDT_DIRS custom_metadata_source_dirs
  CMDT_ARGS=()
  for dir in "${CMDT_DIRS[@]}"; do CMDT_ARGS+=(--source-dir "$dir"); done
  say "Deploying the custom metadata types and records, then force-app"
  [[ ${#CMDT_ARGS[@]} -eq 0 ]] || sf project deploy start "${ORG_ARGS[@]}" "${CMDT_ARGS[@]}" --wait 30
  sf project deploy start "${ORG_ARGS[@]}" --source-dir force-app --wait 30
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
