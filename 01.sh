#!/bin/bash
# undo / restore whose result output fails (stdout on a full disk) do not say the change was made
export SHUXIANG_NOW=2026-05-20; S="node /tmp/hunt3/bin/shuxiang.js"
W=$(mktemp -d); cd $W
$S demo d >/dev/null 2>&1
$S --db d/shuxiang.db log self-study --member 张伟 --hours 1 >/dev/null
$S --db d/shuxiang.db backup b.db >/dev/null 2>&1
echo "--- undo with stdout on /dev/full:"
$S --db d/shuxiang.db undo --yes --no-backup >/dev/full; echo "rc=$?"
echo "--- history afterwards (batch 5 'log self-study' is gone):"
$S --db d/shuxiang.db history 2>/dev/null | head -3
echo "--- restore with stdout on /dev/full:"
$S --db d/shuxiang.db restore b.db --yes >/dev/full; echo "rc=$?"
$S --db d/shuxiang.db history 2>/dev/null | head -2
