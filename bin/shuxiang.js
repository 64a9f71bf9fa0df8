#!/usr/bin/env node
import('../dist/cli/main.js').then((m) => m.start(), (e) => { console.error(`shuxiang 无法启动（请在项目目录运行 npm install 完成编译）：${e.message}`); process.exitCode = 70; });
