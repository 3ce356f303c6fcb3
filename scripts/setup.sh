#!/usr/bin/env bash
# npm run setup: installs what fangzhi needs on a fresh Debian machine. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(pandoc fonts-noto-cjk fonts-arphic-ukai poppler-utils qpdf time chromium git)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "安装系统软件包：${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "已安装：${missing[*]}"
else
  echo "系统软件包已齐备：${packages[*]}"
fi

echo "安装 npm 依赖（按 package-lock.json）"
# Not `npm ci`: the registry reachable here does not serve every platform's optional binary of the Typst
# compiler and pagefind at the locked versions, so the lock cannot list them and npm ci's strict check
# refuses. `npm install` follows the lock for every package it resolves and leaves the lock unchanged.
npm install --no-audit --no-fund --loglevel=error
echo "编译 TypeScript"
npm run build --silent
echo "完成。试试：npm start"
