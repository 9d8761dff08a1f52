// Preloaded (node --require) into a child the bench measures: prints its peak RSS as it exits.
process.on('exit', () => process.stderr.write(`KANDAS_PEAK_RSS_KB=${process.resourceUsage().maxRSS}\n`));
