import { useId, type FormEvent } from 'react';
import { SORT_LABELS, SORTS, effectiveSort, type CatalogQuery, type CatalogSort } from '../catalog-query';

interface CatalogSearchFormProps {
  query: CatalogQuery;
  onSearch: (changes: Pick<CatalogQuery, 'q' | 'author'>) => void;
  onSort: (sort: CatalogSort) => void;
}

/** Words and author are applied on submit (not per keystroke); the sort applies at once. */
export function CatalogSearchForm({ query, onSearch, onSort }: CatalogSearchFormProps) {
  const qId = useId();
  const authorId = useId();
  const sortId = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    onSearch({
      q: String(data.get('q') ?? '').trim(),
      author: String(data.get('author') ?? '')
        .trim()
        .replace(/^@/, ''),
    });
  }

  return (
    <div className="catalog-search">
      {/* Keyed by the URL's values so back/forward puts them back in the fields. */}
      <form key={`${query.q}\u0000${query.author}`} role="search" className="catalog-search__form" onSubmit={submit}>
        <div className="field catalog-search__q">
          <label className="field__label" htmlFor={qId}>
            Search blueprints
          </label>
          <input
            id={qId}
            className="input"
            type="search"
            name="q"
            defaultValue={query.q}
            maxLength={200}
            placeholder='e.g. react testing, "strict mode", -python'
          />
        </div>
        <div className="field catalog-search__author">
          <label className="field__label" htmlFor={authorId}>
            Author
          </label>
          <input
            id={authorId}
            className="input"
            name="author"
            defaultValue={query.author}
            placeholder="handle"
            autoComplete="off"
          />
        </div>
        <button type="submit" className="button button--primary catalog-search__submit">
          Search
        </button>
      </form>
      <div className="field catalog-search__sort">
        <label className="field__label" htmlFor={sortId}>
          Sort by
        </label>
        <select
          id={sortId}
          className="select"
          value={effectiveSort(query)}
          onChange={(event) => onSort(event.target.value as CatalogSort)}
        >
          {SORTS.map((sort) => (
            <option key={sort} value={sort} disabled={sort === 'relevance' && !query.q}>
              {SORT_LABELS[sort]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
