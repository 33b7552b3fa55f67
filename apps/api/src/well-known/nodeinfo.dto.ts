import { ApiProperty } from '@nestjs/swagger';
import { ManifestSoftware } from './instance-manifest.dto';

export const NODEINFO_SCHEMA_2_1 = 'http://nodeinfo.diaspora.software/ns/schema/2.1';

export class NodeInfoLink {
  @ApiProperty({ example: NODEINFO_SCHEMA_2_1 })
  rel: string;

  @ApiProperty({ format: 'uri' })
  href: string;
}

/** `/.well-known/nodeinfo`: where the NodeInfo documents are. */
export class NodeInfoDiscovery {
  @ApiProperty({ type: [NodeInfoLink] })
  links: NodeInfoLink[];
}

export class NodeInfoSoftware extends ManifestSoftware {
  @ApiProperty({ format: 'uri' })
  homepage: string;
}

export class NodeInfoServices {
  @ApiProperty({ type: [String] })
  inbound: string[];

  @ApiProperty({ type: [String] })
  outbound: string[];
}

export class NodeInfoUsers {
  @ApiProperty({ type: 'integer', minimum: 0 })
  total: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Seen or signed in during the last 30 days' })
  activeMonth: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Seen or signed in during the last 180 days' })
  activeHalfyear: number;
}

export class NodeInfoUsage {
  @ApiProperty({ type: NodeInfoUsers })
  users: NodeInfoUsers;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Public blueprints' })
  localPosts: number;
}

export class NodeInfoMetadata {
  @ApiProperty({ example: 'LynxPrompt' })
  nodeName: string;
}

/** NodeInfo 2.1 (http://nodeinfo.diaspora.software/ns/schema/2.1). */
export class NodeInfo {
  @ApiProperty({ enum: ['2.1'] })
  version: '2.1';

  @ApiProperty({ type: NodeInfoSoftware })
  software: NodeInfoSoftware;

  @ApiProperty({ type: [String], example: ['lynxprompt'] })
  protocols: string[];

  @ApiProperty({ type: NodeInfoServices })
  services: NodeInfoServices;

  @ApiProperty()
  openRegistrations: boolean;

  @ApiProperty({ type: NodeInfoUsage })
  usage: NodeInfoUsage;

  @ApiProperty({ type: NodeInfoMetadata })
  metadata: NodeInfoMetadata;
}
