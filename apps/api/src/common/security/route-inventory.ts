import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import type { ModulesContainer } from '@nestjs/core';
import { ROUTE_POLICY, type RoutePolicy } from './route-policy';

export interface RouteEntry {
  readonly method: string;
  readonly path: string;
  readonly handler: string;
  readonly policy: RoutePolicy | undefined;
}

function joinPath(...parts: Array<string | string[] | undefined>): string {
  const segments = parts.flatMap((part) => (Array.isArray(part) ? part.slice(0, 1) : [part ?? '']));
  return `/${segments
    .map((segment) => segment.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;
}

/** Every HTTP route of every controller in the app, with the access policy it declares (or undefined). */
export function listRoutes(modules: ModulesContainer): RouteEntry[] {
  const routes: RouteEntry[] = [];
  for (const module of modules.values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const basePath = Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const policy =
          (Reflect.getMetadata(ROUTE_POLICY, handler) as RoutePolicy | undefined) ??
          (Reflect.getMetadata(ROUTE_POLICY, controller) as RoutePolicy | undefined);
        routes.push({
          method: RequestMethod[method],
          path: joinPath(basePath, Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined),
          handler: `${controller.name}.${name}`,
          policy,
        });
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
