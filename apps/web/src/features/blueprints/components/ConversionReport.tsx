import { CHANGE_LABELS, conversionSummary, isLoss, orderedChanges, type ConversionReport } from '../conversion';

interface ConversionReportProps {
  report: ConversionReport;
  /** The target's name as the menu shows it, e.g. "Cursor command". */
  targetLabel?: string;
}

/**
 * What converting to the chosen target drops, changes, derives or translates: the same report downloads carry in
 * X-Conversion-Report and zips in CONVERSION.md, shown before any download. Losses stand out; the rest keeps meaning.
 */
export function ConversionReportView({ report, targetLabel }: ConversionReportProps) {
  const target = targetLabel ?? report.to;
  const changes = orderedChanges(report);
  const losses = changes.filter(isLoss).length;
  return (
    <section
      className={`conversion${losses > 0 ? ' conversion--lossy' : ''}`}
      aria-label="What the conversion changes"
      data-lossless={report.lossless}
    >
      {changes.length === 0 ? (
        <p className="conversion__title">
          <span className="badge badge--success">Nothing lost</span> Converted to {target}, it keeps everything this
          blueprint says.
        </p>
      ) : (
        <>
          <p className="conversion__title">
            {report.lossless ? (
              <>
                <span className="badge badge--success">Nothing lost</span> Converted to {target}, it keeps the meaning;
                some values are written differently ({conversionSummary(report)}):
              </>
            ) : (
              <>
                <strong>
                  Converted to {target}, it loses {losses} {losses === 1 ? 'thing' : 'things'} this blueprint says
                </strong>{' '}
                ({conversionSummary(report)}):
              </>
            )}
          </p>
          <ul className="conversion__changes">
            {changes.map((change, index) => (
              <li
                key={`${change.change}:${change.field}:${index}`}
                className={`conversion__change conversion__change--${change.change}`}
              >
                <span className={`badge ${isLoss(change) ? 'badge--danger' : 'badge--quiet'}`}>
                  {CHANGE_LABELS[change.change]}
                </span>{' '}
                <code className="conversion__field">{change.field}</code>
                <span className="visually-hidden">:</span> <span className="conversion__message">{change.message}</span>
                {(change.from !== undefined || change.to !== undefined) && (
                  <span className="conversion__values">
                    {' '}
                    {change.from !== undefined && <code>{change.from}</code>}
                    {change.from !== undefined && change.to !== undefined && ' → '}
                    {change.to !== undefined && <code>{change.to}</code>}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
