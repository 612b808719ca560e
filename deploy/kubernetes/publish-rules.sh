#!/usr/bin/env bash
# Publishes a rules folder to the cluster as the two ConfigMaps deployment.yaml mounts: the first time, and after
# every rule edit. Each replica's watcher reloads once the kubelet has swapped the files in (deploy/README.md).
#
#   deploy/kubernetes/publish-rules.sh [RULES_DIR]      (default: rules; namespace: $NAMESPACE or orm-advisor)
#
# ConfigMaps are flat, and `--from-file=DIR` takes a folder's files but silently skips its subfolders: the
# top-level files (the .drl files and statements.yaml) make one ConfigMap, scenarios/ another. Server-side apply
# keeps the rules out of the last-applied annotation, whose 256 KiB limit a growing rule base would hit, and
# --force-conflicts because this script, not a hand edit, owns these ConfigMaps.
set -euo pipefail

rules="${1:-rules}"
namespace="${NAMESPACE:-orm-advisor}"

publish() {
    local name="$1" folder="$2"
    kubectl create configmap "$name" --namespace "$namespace" --from-file="$folder" --dry-run=client -o yaml \
        | kubectl apply --server-side --force-conflicts -f -
}

publish orm-advisor-rules "$rules"
publish orm-advisor-scenarios "$rules/scenarios"
