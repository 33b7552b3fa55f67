import { Body, Controller, HttpCode, Module, Post, Req, Res } from '@nestjs/common';
import { IsEmail } from 'class-validator';
import type { Request, Response } from 'express';
import supertest from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { AuthModule } from '../../src/auth/auth.module';
import { SignInService } from '../../src/auth/sign-in.service';
import { Public } from '../../src/common/security/route-policy';
import type { TestApp } from './test-app';

class TestSignInBody {
  @IsEmail()
  email: string;
}

/**
 * Test-only: signs in through the real SignInService as if a magic link had just been followed, so tests of
 * everything behind sign-in need no mail round trip. Never part of the production module graph.
 */
@Controller('api/v1/test-support')
class TestSignInController {
  constructor(private readonly signIn: SignInService) {}

  @Post('sign-in')
  @Public()
  @HttpCode(200)
  async signInAs(
    @Body() body: TestSignInBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const outcome = await this.signIn.signInWithVerifiedEmail(request, response, 'magic_link', body.email);
    return { userId: outcome.user.id, secondFactorRequired: outcome.secondFactorRequired };
  }
}

@Module({ imports: [AuthModule], controllers: [TestSignInController] })
export class TestSignInModule {}

export interface SignedIn {
  readonly userId: string;
  /** Keeps the session cookie across requests. */
  readonly agent: TestAgent;
  readonly csrfToken: string;
  readonly sessionCookie: string;
  /** The whole Set-Cookie line, attributes included. */
  readonly setCookie: string;
  /** Headers a browser page of this instance sends with a write: same Origin and the CSRF token. */
  readonly writeHeaders: Record<string, string>;
}

export async function signInAs(testApp: TestApp, email: string): Promise<SignedIn> {
  const agent = supertest.agent(testApp.app.nest.getHttpServer());
  const response = await agent.post('/api/v1/test-support/sign-in').send({ email }).expect(200);
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const sessionCookie = cookies.find((cookie) => cookie.startsWith(`${testApp.app.config.auth.sessionCookieName}=`));
  if (!sessionCookie) throw new Error('the sign-in did not set a session cookie');
  const session = await agent.get('/api/v1/auth/session').expect(200);
  const csrfToken = session.body.csrfToken as string;
  return {
    userId: response.body.userId as string,
    agent,
    csrfToken,
    sessionCookie: sessionCookie.split(';')[0] as string,
    setCookie: sessionCookie,
    writeHeaders: { Origin: new URL(testApp.app.config.http.appUrl).origin, 'X-CSRF-Token': csrfToken },
  };
}

/** A personal API token of a signed-in user, created through the settings API; answers the bearer value. */
export async function createApiToken(
  signedIn: SignedIn,
  scopes: string[],
  environment: 'production' | 'development' = 'production',
): Promise<string> {
  const response = await signedIn.agent
    .post('/api/v1/account/api-tokens')
    .set(signedIn.writeHeaders)
    .send({ name: `test ${scopes.join(' ')} ${environment}`, scopes, environment })
    .expect(201);
  return response.body.token as string;
}
