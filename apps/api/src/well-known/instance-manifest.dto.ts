import { ApiProperty } from '@nestjs/swagger';

/** The fields every LynxPrompt instance publishes, so existing peers and their registry accept ours. */
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
}
