import { Injectable, type PipeTransform } from '@nestjs/common';
import { isRemoteBlueprintId } from '../federation/remote-blueprints/remote-blueprint-rules';
import { RemoteBlueprintReadOnlyError } from '../federation/remote-blueprints/remote-blueprints.errors';
import { BLUEPRINT_ID, HIERARCHY_ID } from './blueprint-rules';
import { BlueprintNotFoundError, HierarchyNotFoundError, VersionNotFoundError } from './blueprints.errors';

/**
 * A local blueprint id. A malformed id names nothing: 404 like any unknown id, never a validation error that hints
 * at the format. Remote (`rb_`) ids are 404 too: we hold no version history of them.
 */
@Injectable()
export class BlueprintIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!BLUEPRINT_ID.test(value)) throw new BlueprintNotFoundError();
    return value;
  }
}

/** Routes that read a blueprint wherever it was published: a local `bp_` id or a remote `rb_` one. */
@Injectable()
export class AnyBlueprintIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!BLUEPRINT_ID.test(value) && !isRemoteBlueprintId(value)) throw new BlueprintNotFoundError();
    return value;
  }
}

/** Routes that change a blueprint: a remote one is refused as read-only before anything is looked up. */
@Injectable()
export class WritableBlueprintIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (isRemoteBlueprintId(value)) throw new RemoteBlueprintReadOnlyError();
    if (!BLUEPRINT_ID.test(value)) throw new BlueprintNotFoundError();
    return value;
  }
}

@Injectable()
export class HierarchyIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!HIERARCHY_ID.test(value)) throw new HierarchyNotFoundError();
    return value;
  }
}

@Injectable()
export class VersionNumberPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^[1-9]\d{0,8}$/.test(value)) throw new VersionNotFoundError(Number(value) || 0);
    return Number(value);
  }
}
