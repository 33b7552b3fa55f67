import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PublicKeyView } from '../federation/keys/instance-keys.dto';

export class ManifestSoftware {
  @ApiProperty({ example: 'lynxprompt' })
  name: string;

  @ApiProperty({ example: '0.1.0' })
  version: string;

  @ApiProperty({ format: 'uri' })
  repository: string;
}

export class ManifestEndpoints {
  @ApiProperty({ format: 'uri', example: 'https://prompts.example.org/api/v1/federation/blueprints' })
  catalogue: string;

  @ApiProperty({ example: 'https://prompts.example.org/blueprints/{id}', description: 'URI template of a page' })
  blueprint: string;

  @ApiProperty({ example: 'https://prompts.example.org/api/v1/blueprints/{id}/raw', description: 'URI template' })
  raw: string;
}

/**
 * The fields every LynxPrompt instance publishes, so existing peers and their registry accept ours, then what the
 * signed protocol adds (docs/federation.md, section 1). Readers ignore fields they do not know.
 */
export class InstanceManifest {
  @ApiProperty({ example: 'LynxPrompt' })
  name: string;

  @ApiProperty({ example: 'prompts.example.org', description: 'Host of APP_URL, with the port when it has one' })
  domain: string;

  @ApiProperty({ example: '0.1.0' })
  version: string;

  @ApiProperty({ description: 'Whether this instance takes part in the federation' })
  federation: boolean;

  @ApiProperty({ format: 'uri', example: 'https://prompts.example.org/api/v1' })
  api: string;

  @ApiProperty({ minimum: 0, type: 'integer', description: 'How many public blueprints this instance serves' })
  publicBlueprints: number;

  @ApiPropertyOptional({ type: ManifestSoftware })
  software?: ManifestSoftware;

  @ApiPropertyOptional({ example: 'lynxprompt-federation/1' })
  protocol?: string;

  @ApiPropertyOptional({ type: ManifestEndpoints })
  endpoints?: ManifestEndpoints;

  @ApiPropertyOptional({ type: PublicKeyView, description: 'The key catalogue pages are signed with' })
  publicKey?: PublicKeyView;

  @ApiPropertyOptional({ example: 'mailto:admin@example.org', description: 'Who runs the instance' })
  contact?: string;

  @ApiPropertyOptional({ description: 'Whether people may sign up for an account' })
  openRegistrations?: boolean;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the signing key was created: the rest changes only with the configuration or the version',
  })
  updatedAt?: string;
}
