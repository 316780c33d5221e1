// Loaded with --import: reports this process's peak RSS when it exits.
process.on("exit", () => {
  process.stderr.write(`PEAK_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
