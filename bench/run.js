// `npm run bench`: every benchmark in one run, each printing its ratio.
const benches = ['./lint.js', './shell.js', './sim.js', './exec.js', './check.js', './lesson.js', './site.js', './confine.js'];
const only = process.argv.slice(2);
for (const b of benches) {
  if (only.length && !only.some((o) => b.includes(o))) continue;
  try {
    const mod = await import(b);
    await mod.default();
  } catch (error) {
    console.log(`${b}: failed: ${error?.message ?? error}`);
    process.exitCode = 1;
  }
}
