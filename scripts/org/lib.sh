#!/usr/bin/env bash
# Shared helpers for the scripts/org/*.sh scripts. Source it; do not run it.
#
# These scripts talk to a real org with the user's own sf authentication, so unlike the
# offline CI checks they keep the user's HOME (that is where sf keeps its auth files).

set -euo pipefail

ORG_SCRIPTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$ORG_SCRIPTS_DIR/../.." && pwd)"
cd "$REPO_ROOT"

# The project's sf CLI and Node 22 (the `node` devDependency) come first on PATH: sf starts
# with `#!/usr/bin/env node`, and the current Salesforce packages crash on Node 20.
export PATH="$REPO_ROOT/node_modules/.bin:$PATH"
# The offline tests of these scripts (scripts/org/__tests__) put a fake `sf` and `npm` in front.
if [[ -n "${HANDOFF_ORG_SCRIPTS_BIN:-}" ]]; then
  export PATH="$HANDOFF_ORG_SCRIPTS_BIN:$PATH"
fi
export SF_AUTOUPDATE_DISABLE=true
export SF_DISABLE_TELEMETRY=true
export SF_HIDE_RELEASE_NOTES=true

say() { printf '\n==> %s\n' "$*"; }
die() {
  printf '%s: %s\n' "$(basename "$0")" "$*" >&2
  exit 1
}

command -v sf >/dev/null 2>&1 || die "sf not found in node_modules/.bin: run npm ci first"

# json_get <dotted.path> — reads JSON on stdin and prints the value at the path
# (array indexes are numbers: result.records.0.Id); prints nothing when absent.
json_get() {
  node -e '
    let text = "";
    process.stdin.on("data", (chunk) => (text += chunk)).on("end", () => {
      let value;
      try { value = JSON.parse(text); } catch { process.exit(0); }
      for (const key of process.argv[1].split(".")) value = value == null ? undefined : value[key];
      if (value !== undefined && value !== null) console.log(String(value));
    });' "$1"
}

# ORG_ARGS holds `--target-org <org>` when one was given, else nothing (sf then uses the
# default org from `sf config set target-org` / `--set-default`).
ORG_ARGS=()
set_target_org() {
  if [[ -n "${1:-}" ]]; then ORG_ARGS=(--target-org "$1"); else ORG_ARGS=(); fi
}

# require_org — fails with instructions when the target org is not authenticated.
# Sets ORG_USERNAME and ORG_USER_ID.
require_org() {
  local display
  if ! display="$(sf org display user "${ORG_ARGS[@]}" --json 2>/dev/null)" ||
    [[ -z "$(json_get result.id <<<"$display")" ]]; then
    local which="the default org"
    [[ ${#ORG_ARGS[@]} -gt 0 ]] && which="org '${ORG_ARGS[1]}'"
    die "no authenticated Salesforce org ($which). Log in first:
  sf org login web --alias handoff --set-default        # a sandbox: add --instance-url https://test.salesforce.com
or create a scratch org (needs a Dev Hub):
  bash scripts/org/create-scratch-org.sh
then rerun, optionally with --target-org <alias>."
  fi
  ORG_USERNAME="$(json_get result.username <<<"$display")"
  ORG_USER_ID="$(json_get result.id <<<"$display")"
  echo "Target org user: $ORG_USERNAME"
}

# query_value <soql> <field> — the field of the first record, or nothing.
query_value() {
  { sf data query "${ORG_ARGS[@]}" --query "$1" --json 2>/dev/null || true; } |
    json_get "result.records.0.$2"
}

# assign_permission_set_group <DeveloperName> <userId>
# `sf org assign permset` only handles permission sets, so groups get a
# PermissionSetAssignment with PermissionSetGroupId. Waits for the group's recalculation
# after a deploy (Status 'Updated'); skips an assignment that already exists.
assign_permission_set_group() {
  local name="$1" user_id="$2" group_id status tries=0
  [[ "$name" =~ ^[A-Za-z0-9_]+$ ]] || die "invalid permission set group name: $name"
  group_id="$(query_value "SELECT Id FROM PermissionSetGroup WHERE DeveloperName = '$name'" Id)"
  [[ -n "$group_id" ]] || die "permission set group $name not found in the org (was it deployed?)"
  while :; do
    status="$(query_value "SELECT Status FROM PermissionSetGroup WHERE Id = '$group_id'" Status)"
    [[ "$status" == "Updated" ]] && break
    tries=$((tries + 1))
    [[ $tries -le 30 ]] || die "permission set group $name is still '$status' after 5 minutes"
    echo "  $name is '$status' (recalculating); waiting 10 s"
    sleep 10
  done
  if [[ -n "$(query_value "SELECT Id FROM PermissionSetAssignment WHERE AssigneeId = '$user_id' AND PermissionSetGroupId = '$group_id'" Id)" ]]; then
    echo "  $name: already assigned"
    return 0
  fi
  sf data create record "${ORG_ARGS[@]}" --sobject PermissionSetAssignment \
    --values "AssigneeId=$user_id PermissionSetGroupId=$group_id" >/dev/null
  echo "  $name: assigned"
}

# read_lines <array> <command> [args...] — the command's non-empty output lines into the named
# array (bash 3.2, the macOS default, has no mapfile).
read_lines() {
  local __name="$1" __line
  shift
  eval "$__name=()"
  while IFS= read -r __line; do
    if [[ -n "$__line" ]]; then
      eval "$__name+=(\"\$__line\")"
    fi
  done < <("$@")
}

# json_records <field>... — reads `sf data query --json` on stdin and prints one line per record,
# the fields separated by | (a missing or null field prints as an empty string; | rather than a
# tab, which `read` would merge with a neighbouring empty field).
json_records() {
  node -e '
    let text = "";
    process.stdin.on("data", (chunk) => (text += chunk)).on("end", () => {
      let records = [];
      try { records = JSON.parse(text).result.records || []; } catch { process.exit(0); }
      const fields = process.argv.slice(1);
      for (const record of records) {
        console.log(fields.map((f) => (record[f] == null ? "" : String(record[f]))).join("|"));
      }
    });' "$@"
}

# detect_org_kind — sets ORG_KIND to production, sandbox or scratch (a scratch or trial org:
# Organization.TrialExpirationDate is set), and ORG_EDITION (Organization.OrganizationType).
# When the Organization cannot be read, the org is treated as production (the careful choice).
detect_org_kind() {
  local result
  result="$({ sf data query "${ORG_ARGS[@]}" --json \
    --query "SELECT IsSandbox, TrialExpirationDate, OrganizationType FROM Organization" \
    2>/dev/null || true; } | json_records IsSandbox TrialExpirationDate OrganizationType)"
  if [[ -z "$result" ]]; then
    ORG_KIND=production
    ORG_EDITION="unknown edition"
    echo "Could not read the Organization record: treating the org as production."
    return 0
  fi
  local sandbox trial edition
  IFS='|' read -r sandbox trial edition <<<"$result"
  ORG_EDITION="${edition:-unknown edition}"
  if [[ "$sandbox" == "true" ]]; then
    ORG_KIND=sandbox
  elif [[ -n "$trial" ]]; then
    ORG_KIND=scratch
    ORG_EXPIRES="$trial"
  else
    ORG_KIND=production
  fi
}

# record_triggered_flows — the API names of the active record-triggered flows in force-app.
record_triggered_flows() {
  local file
  for file in force-app/main/default/flows/*.flow-meta.xml; do
    [[ -e "$file" ]] || continue
    if grep -q '<triggerType>Record' "$file" && grep -q '<status>Active</status>' "$file"; then
      basename "$file" .flow-meta.xml
    fi
  done
}

# flows_with_scheduled_paths — the API names of the flows in force-app with scheduled paths.
flows_with_scheduled_paths() {
  local file
  for file in force-app/main/default/flows/*.flow-meta.xml; do
    [[ -e "$file" ]] || continue
    grep -q '<scheduledPaths>' "$file" && basename "$file" .flow-meta.xml
  done
  return 0
}

# custom_metadata_source_dirs — what the deploy's first step deploys: every custom metadata type
# (objects/*__mdt) and the records (customMetadata/).
custom_metadata_source_dirs() {
  local dir
  for dir in force-app/main/default/objects/*__mdt; do
    [[ -d "$dir" ]] && echo "$dir"
  done
  [[ -d force-app/main/default/customMetadata ]] && echo force-app/main/default/customMetadata
  return 0
}

# flow_deploy_as_active_setting — prints on, off or unknown: Flow Settings "Deploy processes
# and flows as active" (FlowSettings.enableFlowDeployAsActiveEnabled), retrieved from the org.
flow_deploy_as_active_setting() {
  local dir file
  dir="$(mktemp -d)"
  if sf project retrieve start "${ORG_ARGS[@]}" --metadata Settings:Flow \
    --target-metadata-dir "$dir" --unzip --json >/dev/null 2>&1; then
    file="$(find "$dir" -name 'Flow.settings*' -type f | head -n 1)"
  fi
  if [[ -z "${file:-}" ]]; then
    echo unknown
  elif grep -q '<enableFlowDeployAsActiveEnabled>true</enableFlowDeployAsActiveEnabled>' "$file"; then
    echo on
  else
    echo off
  fi
  rm -rf "$dir"
}

# deploy_flow_settings_active — deploys FlowSettings with enableFlowDeployAsActiveEnabled on.
deploy_flow_settings_active() {
  local dir
  dir="$(mktemp -d)"
  mkdir -p "$dir/settings"
  cat >"$dir/package.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<Package xmlns="http://soap.sforce.com/2006/04/metadata">
    <types>
        <members>Flow</members>
        <name>Settings</name>
    </types>
    <version>66.0</version>
</Package>
XML
  cat >"$dir/settings/Flow.settings" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<FlowSettings xmlns="http://soap.sforce.com/2006/04/metadata">
    <enableFlowDeployAsActiveEnabled>true</enableFlowDeployAsActiveEnabled>
</FlowSettings>
XML
  sf project deploy start "${ORG_ARGS[@]}" --metadata-dir "$dir" --wait 30
  rm -rf "$dir"
}

# inactive_flows <ApiName>... — prints the given flows that have no active version in the org.
inactive_flows() {
  [[ $# -gt 0 ]] || return 0
  local names="" name active
  for name in "$@"; do
    [[ "$name" =~ ^[A-Za-z0-9_]+$ ]] || die "invalid flow name: $name"
    names+="${names:+, }'$name'"
  done
  local rows
  rows="$({ sf data query "${ORG_ARGS[@]}" --json \
    --query "SELECT ApiName, IsActive FROM FlowDefinitionView WHERE ApiName IN ($names)" \
    2>/dev/null || true; } | json_records ApiName IsActive)"
  for name in "$@"; do
    active="$(awk -F'|' -v n="$name" '$1 == n { print $2 }' <<<"$rows")"
    [[ "$active" == "true" ]] || echo "$name"
  done
}

# legacy_scheduled_jobs — the product's jobs scheduled on a job class itself (before the
# HandoffJobDispatcher): they block deploying those classes. Prints "class: job name".
legacy_scheduled_jobs() {
  { sf data query "${ORG_ARGS[@]}" --json --query "SELECT ApexClass.Name, CronTrigger.CronJobDetail.Name FROM AsyncApexJob WHERE JobType = 'ScheduledApex' AND Status IN ('Queued', 'Holding', 'Preparing', 'Processing') AND ApexClass.Name IN ('HandoffMetricsSnapshotBatch', 'HandoffHealthCheck')" \
    2>/dev/null || true; } | node -e '
    let text = "";
    process.stdin.on("data", (chunk) => (text += chunk)).on("end", () => {
      let records = [];
      try { records = JSON.parse(text).result.records || []; } catch { process.exit(0); }
      for (const r of records) {
        const job = r.CronTrigger && r.CronTrigger.CronJobDetail ? r.CronTrigger.CronJobDetail.Name : "";
        console.log(`${r.ApexClass ? r.ApexClass.Name : ""}: ${job}`);
      }
    });'
}

# run_anonymous_apex <code> — runs one line of anonymous Apex in the target org.
run_anonymous_apex() {
  local dir
  dir="$(mktemp -d)"
  printf '%s\n' "$1" >"$dir/run.apex"
  sf apex run "${ORG_ARGS[@]}" --file "$dir/run.apex"
  rm -rf "$dir"
}
