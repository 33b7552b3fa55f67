// Counts lines of a child process's JSON log that contain given strings, e.g. the shared response cache's hits
// (`"cache":"hit"`), without keeping the log.

/** `patterns`: name → substring. Returns live counts by name; lines split across chunks are joined first. */
export function countLogLines(stream, patterns) {
  const counts = Object.fromEntries(Object.keys(patterns).map((name) => [name, 0]));
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop();
    for (const line of lines) {
      for (const [name, text] of Object.entries(patterns)) if (line.includes(text)) counts[name] += 1;
    }
  });
  return counts;
}
