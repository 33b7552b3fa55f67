import { useId, type ReactNode } from 'react';

interface SettingsSectionProps {
  title: string;
  description?: ReactNode;
  /** Anchor id, so sections can be linked to. */
  id?: string;
  tone?: 'default' | 'danger';
  children: ReactNode;
}

/** One titled card of a settings page; a landmark region named by its heading. */
export function SettingsSection({ title, description, id, tone = 'default', children }: SettingsSectionProps) {
  const headingId = useId();
  return (
    <section id={id} className={`panel${tone === 'danger' ? ' panel--danger' : ''}`} aria-labelledby={headingId}>
      <div className="panel__header">
        <h2 id={headingId} className="panel__title">
          {title}
        </h2>
        {description && <p className="panel__description">{description}</p>}
      </div>
      <div className="panel__body">{children}</div>
    </section>
  );
}
