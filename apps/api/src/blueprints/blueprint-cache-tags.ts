import { authorTag, blueprintTag, peerTag } from '../http-cache/cache-tags';
import type { BlueprintSummary } from './dto/blueprint-responses.dto';

/**
 * The shared-cache tags of responses showing these blueprints: each one, its author (or, for a copy, its peer), and
 * the fork source whose name and author it shows.
 */
export function blueprintCacheTags(blueprints: readonly BlueprintSummary[]): string[] {
  const tags = new Set<string>();
  for (const blueprint of blueprints) {
    tags.add(blueprintTag(blueprint.id));
    tags.add(blueprint.origin.local ? authorTag(blueprint.author.handle) : peerTag(blueprint.origin.instance));
    if (blueprint.forkedFrom) {
      tags.add(blueprintTag(blueprint.forkedFrom.id));
      tags.add(authorTag(blueprint.forkedFrom.author.handle));
    }
    if (blueprint.forkedFromRemote?.id) tags.add(blueprintTag(blueprint.forkedFromRemote.id));
  }
  return [...tags];
}
