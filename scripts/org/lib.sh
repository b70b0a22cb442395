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

# sf_query <var> <soql> — runs `sf data query --json`: on success stores its JSON in <var>
# and returns 0; on failure sets SF_QUERY_ERROR to sf's reason ("NAME: message") and returns 1.
sf_query() {
  local __var="$1" __out __err __status=0
  __err="$(mktemp)"
  __out="$(sf data query "${ORG_ARGS[@]}" --query "$2" --json 2>"$__err")" || __status=$?
  if [[ $__status -eq 0 ]]; then
    printf -v "$__var" '%s' "$__out"
    rm -f "$__err"
    return 0
  fi
  SF_QUERY_ERROR="$(node -e '
    const [out, err, status] = process.argv.slice(1);
    const reason = (text) => {
      try {
        const j = JSON.parse(text);
        return [j.name, j.message].filter(Boolean).join(": ");
      } catch {
        return "";
      }
    };
    const line = (text) => text.split("\n").map((l) => l.trim()).filter(Boolean).join(" ");
    console.log(
      (reason(out) || reason(err) || line(err) || line(out) || `sf exited with status ${status}`)
        .replace(/\s+/g, " ").trim()
    );' "$__out" "$(cat "$__err")" "$__status")"
  rm -f "$__err"
  return 1
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

# ---- Custom metadata records: the admin's settings --------------------------------------------
# The records in customMetadata/ are the product's settings (Handoff_Setting.Default with its
# Rollout Mode, segment policies, field rules, thresholds…). An admin changes them in Setup, so
# an upgrade must not overwrite them: plan_custom_metadata leaves out of the deploy every shipped
# record the org already has, unless --reset-settings.

CMDT_SOURCE=force-app/main/default/customMetadata

# shipped_custom_metadata_records — "Type.Record" for each record file in customMetadata/.
shipped_custom_metadata_records() {
  local file
  for file in "$CMDT_SOURCE"/*.md-meta.xml; do
    [[ -e "$file" ]] || continue
    basename "$file" .md-meta.xml
  done
}

# plan_custom_metadata <reset:true|false> — reads which shipped records the org already has
# (SOQL on each custom metadata type) and sets:
#   CMDT_IN_ORG   shipped records the org has (an upgrade; empty on a first install)
#   CMDT_NEW      shipped records the org does not have (new in this release, or a first install)
#   CMDT_KEPT     records left out of the deploy (CMDT_IN_ORG, or nothing with reset=true)
#   DEPLOY_SOURCE_ARGS  the --source-dir arguments of the deploy: force-app when nothing is left
#                 out; else every force-app/main/default/<dir> but customMetadata, plus the
#                 record files to deploy
#   CMDT_ONLY_SOURCE_ARGS  the same for --custom-metadata-only: the types and the record files
# A type the org does not have yet (INVALID_TYPE) means all its records are new. Any other read
# error stops the script: deploying blind would overwrite the admin's settings.
plan_custom_metadata() {
  local reset="$1" records record type previous="" json names=""
  CMDT_IN_ORG=() CMDT_NEW=() CMDT_KEPT=()
  read_lines records shipped_custom_metadata_records
  for record in ${records[@]+"${records[@]}"}; do
    type="${record%%.*}"
    if [[ "$type" != "$previous" ]]; then
      previous="$type"
      names=""
      if sf_query json "SELECT DeveloperName FROM ${type}__mdt"; then
        # DeveloperNames are letters, digits and underscores: read without starting node.
        names="$(grep -o '"DeveloperName": *"[A-Za-z0-9_]*"' <<<"$json" | sed 's/.*"\([A-Za-z0-9_]*\)"$/\1/' || true)"
      elif [[ "$SF_QUERY_ERROR" == INVALID_TYPE* || "$SF_QUERY_ERROR" == *"'${type}__mdt' is not supported"* ]]; then
        names="" # the type is not in the org yet: all its records are new
      elif [[ "$reset" == true ]]; then
        echo "could not read the org's ${type}__mdt records ($SF_QUERY_ERROR): counting them as present;"
        echo "--reset-settings overwrites them either way."
        names="$(shipped_custom_metadata_records | sed -n "s/^${type}\.//p")"
      else
        die "could not read the org's ${type}__mdt records: $SF_QUERY_ERROR
Without them the deploy cannot tell which settings the admin already has, and would overwrite
them with the shipped values. Fix the access (the user needs View Setup and Configuration) and
rerun, or rerun with --reset-settings to deploy the shipped records anyway."
      fi
    fi
    if grep -Fxq -- "${record#*.}" <<<"$names"; then
      CMDT_IN_ORG+=("$record")
    else
      CMDT_NEW+=("$record")
    fi
  done
  [[ "$reset" == true ]] || CMDT_KEPT=(${CMDT_IN_ORG[@]+"${CMDT_IN_ORG[@]}"})
  # --custom-metadata-only: the types and the records to deploy, nothing else.
  CMDT_ONLY_SOURCE_ARGS=()
  local dir
  for dir in force-app/main/default/objects/*__mdt; do
    [[ -d "$dir" ]] && CMDT_ONLY_SOURCE_ARGS+=(--source-dir "$dir")
  done
  for record in ${records[@]+"${records[@]}"}; do
    if [[ "$reset" == true ]] || ! printf '%s\n' ${CMDT_KEPT[@]+"${CMDT_KEPT[@]}"} | grep -Fxq -- "$record"; then
      CMDT_ONLY_SOURCE_ARGS+=(--source-dir "$CMDT_SOURCE/$record.md-meta.xml")
    fi
  done
  DEPLOY_SOURCE_ARGS=()
  if [[ ${#CMDT_KEPT[@]} -eq 0 ]]; then
    DEPLOY_SOURCE_ARGS=(--source-dir force-app)
    return 0
  fi
  for dir in force-app/main/default/*/; do
    dir="${dir%/}"
    [[ "$dir" == "$CMDT_SOURCE" ]] || DEPLOY_SOURCE_ARGS+=(--source-dir "$dir")
  done
  for record in ${CMDT_NEW[@]+"${CMDT_NEW[@]}"}; do
    DEPLOY_SOURCE_ARGS+=(--source-dir "$CMDT_SOURCE/$record.md-meta.xml")
  done
}

# shipped_field_value <Type.Record> <Field__c> — the value of a field in a shipped record file.
shipped_field_value() {
  local file="$CMDT_SOURCE/$1.md-meta.xml"
  [[ -e "$file" ]] || return 0
  awk -v f="<field>$2</field>" '
    index($0, f) { found = 1; next }
    found && /<value/ { sub(/.*<value[^>]*>/, ""); sub(/<\/value>.*/, ""); print; exit }
    found && /<\/values>/ { exit }' "$file"
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

# ---- Scheduled jobs -----------------------------------------------------------------------------
# The Metadata API refuses to deploy an Apex class that has active scheduled jobs unless Setup >
# Deployment Settings "Allow deployments of components when corresponding Apex jobs are pending
# or in progress" is on (Metadata API Developer Guide, ApexClass:
# https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_classes.htm).
# Our jobs hold HandoffJobDispatcher (or, scheduled by an earlier release, the job classes), and
# every deploy ships those classes.

JOB_CLASSES="'HandoffJobDispatcher', 'HandoffMetricsSnapshotBatch', 'HandoffHealthCheck'"

# our_job_names — the job names HandoffScheduler schedules and unscheduleAll() aborts, read from
# its source (its *_JOB_NAME constants).
our_job_names() {
  sed -n "s/.*_JOB_NAME = '\(.*\)';.*/\1/p" force-app/main/default/classes/HandoffScheduler.cls
}

# read_scheduled_jobs — sets SCHEDULED_JOBS, one "class|job name|scheduled by" per scheduled job
# that holds one of our classes. Returns 1 with SF_QUERY_ERROR when the org cannot be read.
read_scheduled_jobs() {
  local json
  SCHEDULED_JOBS=()
  sf_query json "SELECT ApexClass.Name, CronTrigger.CronJobDetail.Name, CreatedBy.Username FROM AsyncApexJob WHERE JobType = 'ScheduledApex' AND Status IN ('Queued', 'Holding', 'Preparing', 'Processing') AND ApexClass.Name IN ($JOB_CLASSES)" ||
    return 1
  read_lines SCHEDULED_JOBS node -e '
    const records = JSON.parse(process.argv[1]).result.records || [];
    for (const r of records) {
      const job = r.CronTrigger && r.CronTrigger.CronJobDetail ? r.CronTrigger.CronJobDetail.Name : "";
      const by = r.CreatedBy ? r.CreatedBy.Username : "";
      console.log(`${r.ApexClass ? r.ApexClass.Name : ""}|${job}|${by}`);
    }' "$json"
}

# run_anonymous_apex <code> — runs one line of anonymous Apex in the target org.
run_anonymous_apex() {
  local dir
  dir="$(mktemp -d)"
  printf '%s\n' "$1" >"$dir/run.apex"
  local status=0
  sf apex run "${ORG_ARGS[@]}" --file "$dir/run.apex" || status=$?
  rm -rf "$dir"
  return "$status"
}
