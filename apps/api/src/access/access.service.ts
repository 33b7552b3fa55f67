import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { AccessRepository } from './access.repository';
import { actorFor, ANONYMOUS, type Actor } from './actor';
import { can, type Action, type Resource } from './permissions';

/**
 * Turns a request's principal into the actor `can` judges, once per request: the principal object lives exactly as
 * long as its request, so the memo needs no expiry and a role change shows on the very next request.
 */
@Injectable()
export class AccessService {
  private readonly actors = new WeakMap<Principal, Promise<Actor>>();

  constructor(private readonly repository: AccessRepository) {}

  actorOf(principal: Principal | undefined): Promise<Actor> {
    if (!principal) return Promise.resolve(ANONYMOUS);
    let actor = this.actors.get(principal);
    if (!actor) {
      actor =
        principal.kind === 'organization-token'
          ? Promise.resolve(actorFor(principal, null))
          : this.repository.person(principal.userId).then((person) => actorFor(principal, person));
      this.actors.set(principal, actor);
      // A failed lookup must not be remembered for the rest of the request.
      actor.catch(() => this.actors.delete(principal));
    }
    return actor;
  }

  async can(principal: Principal | undefined, action: Action, resource: Resource): Promise<boolean> {
    return can(await this.actorOf(principal), action, resource);
  }
}
