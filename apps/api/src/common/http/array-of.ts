import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';

/**
 * An array whose every item is an object of `type`, validated in full. IsObject comes first because an array nested
 * in the array (`[[]]`) would otherwise pass nested validation as an item with no fields at all.
 */
export function ArrayOf(type: () => new () => object) {
  return applyDecorators(IsObject({ each: true }), ValidateNested({ each: true }), Type(type));
}
