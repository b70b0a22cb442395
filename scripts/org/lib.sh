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
