import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ErrorResponse } from '../common/errors/error-envelope';
import { Public } from '../common/security/route-policy';
import { AGENT_SKILLS_SCHEMA } from './agent-skills';
import { AgentSkillsService } from './agent-skills.service';
import { sendDocument } from './well-known.controller';

const INDEX_TYPE = 'application/json; charset=utf-8';

const INDEX_SCHEMA = {
  type: 'object',
  required: ['$schema', 'skills'],
  properties: {
    $schema: { type: 'string', enum: [AGENT_SKILLS_SCHEMA] },
    skills: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'type', 'description', 'url', 'digest'],
        properties: {
          name: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 },
          type: { type: 'string', enum: ['skill-md', 'archive'] },
          description: { type: 'string', maxLength: 1024 },
          url: { type: 'string', format: 'uri' },
          digest: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
        },
      },
    },
  },
};

/**
 * Agent Skills Discovery (RFC draft v0.2.0): the public skills of the instance, of one user or of one organization,
 * and the artifacts their digests cover. Public data only, readable from any origin (docs/integrations.md).
 */
@ApiTags('well-known')
@Controller()
export class AgentSkillsController {
  constructor(private readonly skills: AgentSkillsService) {}

  @Get('.well-known/agent-skills/index.json')
  @Public()
  @ApiOkResponse({ schema: INDEX_SCHEMA, description: "The instance's public skills (at most 1000)" })
  async instanceIndex(@Req() request: Request, @Res() response: Response): Promise<void> {
    response.setHeader('Access-Control-Allow-Origin', '*');
    sendDocument(request, response, await this.skills.instanceIndex(), INDEX_TYPE);
  }

  @Get('api/v1/profiles/:handle/agent-skills/index.json')
  @Public()
  @ApiOkResponse({ schema: INDEX_SCHEMA, description: "One user's or organization's public skills (at most 1000)" })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'PROFILE_NOT_FOUND: no user or organization has it' })
  async ownerIndex(@Param('handle') handle: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const document = await this.skills.ownerIndex(handle);
    response.setHeader('Access-Control-Allow-Origin', '*');
    sendDocument(request, response, document, INDEX_TYPE);
  }

  @Get('.well-known/agent-skills/:id/SKILL.md')
  @Public()
  @ApiProduces('text/markdown')
  @ApiOkResponse({
    description: "A skill's published SKILL.md (a skill without attached files)",
    schema: { type: 'string' },
  })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'AGENT_SKILL_NOT_FOUND' })
  async skillMd(@Param('id') id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.sendArtifact(id, 'skill-md', request, response);
  }

  @Get('.well-known/agent-skills/:id/archive.zip')
  @Public()
  @ApiProduces('application/zip')
  @ApiOkResponse({
    description: "A skill's folder, SKILL.md at the root (a skill with attached files)",
    schema: { type: 'string', format: 'binary' },
  })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'AGENT_SKILL_NOT_FOUND' })
  async archive(@Param('id') id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.sendArtifact(id, 'archive', request, response);
  }

  private async sendArtifact(
    id: string,
    type: 'skill-md' | 'archive',
    request: Request,
    response: Response,
  ): Promise<void> {
    const artifact = await this.skills.artifact(id, type);
    response.setHeader('Access-Control-Allow-Origin', '*');
    sendDocument(request, response, artifact.document, artifact.mediaType);
  }
}
