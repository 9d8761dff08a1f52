import { meets, WorkloadReport } from './result';

/** One line per measurement: workload, name, subject, value, target, whether it is met. */
export function formatTable(reports: readonly WorkloadReport[]): string {
  const rows = [['workload', 'measurement', 'subject', 'value', 'target', 'met']];
  for (const report of reports) {
    for (const m of report.measurements) {
      const met = meets(m);
      rows.push([
        report.workload,
        m.name,
        m.subject,
        `${format(m.value)} ${m.unit}`,
        m.target?.text ?? '',
        met === undefined ? '' : met ? 'yes' : 'NO',
      ]);
    }
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  return [line(rows[0]!), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}
