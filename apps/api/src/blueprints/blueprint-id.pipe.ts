import { Injectable, type PipeTransform } from '@nestjs/common';
import { BLUEPRINT_ID, HIERARCHY_ID } from './blueprint-rules';
import { BlueprintNotFoundError, HierarchyNotFoundError, VersionNotFoundError } from './blueprints.errors';

/** A malformed id names nothing: 404 like any unknown id, never a validation error that hints at the format. */
@Injectable()
export class BlueprintIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
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
