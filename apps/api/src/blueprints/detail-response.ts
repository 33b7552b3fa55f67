import type { Response } from 'express';
import { declareCacheTags } from '../http-cache/cache-tags';
import { blueprintCacheTags } from './blueprint-cache-tags';
import { etagOf } from './blueprint-views';
import type { BlueprintDetail } from './dto/blueprint-responses.dto';

/** Sends a detail with its ETag, so the next write can carry If-Match. */
export function withEtag<Detail extends BlueprintDetail>(response: Response, detail: Detail): Detail {
  response.setHeader('ETag', etagOf(detail.revision));
  return detail;
}

/**
 * A blueprint as read (by id or by owner and slug): shared caches may keep a public one briefly; what only its owner,
 * a member or a token may see is never stored for others.
 */
export function sendReadDetail(response: Response, detail: BlueprintDetail): BlueprintDetail {
  response.setHeader(
    'Cache-Control',
    detail.isOwner || detail.visibility !== 'public' || detail.origin.hidden
      ? 'private, no-cache'
      : 'public, max-age=60',
  );
  response.setHeader('Vary', 'Cookie, Authorization');
  declareCacheTags(response, blueprintCacheTags([detail]));
  return withEtag(response, detail);
}
