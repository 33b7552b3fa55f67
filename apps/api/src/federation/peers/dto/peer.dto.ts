import { OptionalNotNull } from '../../../common/http/validation';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

const PEER_STATUSES = ['pending', 'verified', 'failing', 'suspended', 'blocked'] as const;
const RULE_ACTIONS = ['block', 'silence', 'allow'] as const;
const VERDICTS = ['federate', 'silence', 'block'] as const;

export class DomainRequest {
  @ApiProperty({ example: 'prompts.example.org', description: 'host[:port]; a scheme is accepted for admins' })
  @IsString()
  @MaxLength(300)
  domain: string;
}

export class RegistryAnswer {
  @ApiProperty({ enum: [true] }) ok: true;
  @ApiProperty() domain: string;
  @ApiProperty({ enum: PEER_STATUSES }) status: string;
}

/** The reference product's registry listing, field for field. */
export class RegistryInstance {
  @ApiProperty({ description: "Stable identifier (the reference product's web page keys its list on it)" }) id: string;
  @ApiProperty() domain: string;
  @ApiProperty() name: string;
  @ApiProperty() version: string;
  @ApiProperty({ type: String, nullable: true }) logoUrl: string | null;
  @ApiProperty() publicBlueprintCount: number;
  @ApiProperty({ type: String, nullable: true }) lastSeenAt: string | null;
  @ApiProperty({ type: String, nullable: true }) registeredAt: string | null;
}

export class RegistryInstanceList {
  @ApiProperty({ type: [RegistryInstance] }) instances: RegistryInstance[];
}

export class InstanceDirectoryEntry {
  @ApiProperty() domain: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) version: string | null;
  @ApiProperty({ description: 'Public blueprints of this instance held here' }) blueprintCount: number;
  @ApiProperty({ description: 'False for legacy peers, crawled unsigned' }) signed: boolean;
  @ApiProperty({ enum: PEER_STATUSES }) status: string;
  @ApiProperty({ type: String, nullable: true }) lastCrawlAt: string | null;
  @ApiProperty({ type: String, nullable: true }) lastSuccessAt: string | null;
  @ApiProperty({ description: 'Where the instance lives' }) url: string;
}

export class InstanceDirectory {
  @ApiProperty({ type: [InstanceDirectoryEntry] }) items: InstanceDirectoryEntry[];
}

/** How many requests for one reason, and the first 20 ids they named. */
export class CrawlFetchCount {
  @ApiProperty() count: number;
  @ApiProperty({ type: [String] }) ids: string[];
}

/** Legacy peers only: each detail request counts as a download there, so each is recorded with why it was made. */
export class CrawlFetches {
  @ApiPropertyOptional({ type: CrawlFetchCount, description: 'New to this instance' }) new?: CrawlFetchCount;
  @ApiPropertyOptional({ type: CrawlFetchCount, description: 'Its listing changed, so its content may have' })
  changed?: CrawlFetchCount;
  @ApiPropertyOptional({
    type: CrawlFetchCount,
    description: 'Unchanged, refreshed within FEDERATION_LEGACY_REFRESH_PER_RUN (oldest first)',
  })
  refresh?: CrawlFetchCount;
  @ApiPropertyOptional({
    type: CrawlFetchCount,
    description: 'A complete walk did not list it: asked directly whether it is still public',
  })
  confirm?: CrawlFetchCount;
}

export class CrawlRunView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['schedule', 'manual', 'registration'] }) trigger: string;
  @ApiProperty({ enum: ['running', 'succeeded', 'not_modified', 'failed', 'rejected', 'skipped'] }) outcome: string;
  @ApiProperty() startedAt: string;
  @ApiProperty({ type: String, nullable: true }) finishedAt: string | null;
  @ApiProperty() requests: number;
  @ApiProperty() pages: number;
  @ApiProperty() added: number;
  @ApiProperty() updated: number;
  @ApiProperty() removed: number;
  @ApiProperty() bytes: number;
  @ApiProperty({ description: '[{code, message, url?}]', type: 'array', items: { type: 'object' } })
  errors: Array<{ code: string; message: string; url?: string }>;
  @ApiProperty({ type: CrawlFetches })
  fetches: CrawlFetches;
}

export class PendingKeyView {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Fingerprint of the new key; null when the peer dropped its key',
  })
  keyId: string | null;
  @ApiProperty() changedAt: string;
}

/** `lastError` for machines: its reason code and, for a refused address, the kind of address (a hint for admins). */
export class PeerErrorDetails {
  @ApiProperty({ example: 'OUTBOUND_ADDRESS_REFUSED' }) reason: string;
  @ApiPropertyOptional({
    example: 'private',
    description:
      'For OUTBOUND_ADDRESS_REFUSED: loopback, private, link-local, unique-local, … (see docs/federation.md §7)',
  })
  addressKind?: string;
}

export class PeerView {
  @ApiProperty() id: string;
  @ApiProperty() domain: string;
  @ApiProperty() baseUrl: string;
  @ApiProperty({ enum: PEER_STATUSES }) status: string;
  @ApiProperty({ enum: ['admin', 'registration'] }) source: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) version: string | null;
  @ApiProperty({ type: String, nullable: true }) protocol: string | null;
  @ApiProperty() signed: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Fingerprint of the pinned key' }) keyId: string | null;
  @ApiProperty({ type: PendingKeyView, nullable: true }) pendingKey: PendingKeyView | null;
  @ApiProperty({ enum: VERDICTS, description: 'What the domain rules say about it now' }) policy: string;
  @ApiProperty() blueprintCount: number;
  @ApiProperty({ type: Number, nullable: true }) advertisedCount: number | null;
  @ApiProperty({ type: String, nullable: true }) lastCrawlAt: string | null;
  @ApiProperty({ type: String, nullable: true }) lastSuccessAt: string | null;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ type: PeerErrorDetails, nullable: true }) lastErrorDetails: PeerErrorDetails | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'When its manifest last verified; null for a peer never verified (whose signing is not known yet)',
  })
  verifiedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) failingSince: string | null;
  @ApiProperty({ type: String, nullable: true }) nextCrawlAt: string | null;
  @ApiProperty({ type: String, nullable: true }) registeredAt: string | null;
  @ApiProperty({ type: String, nullable: true }) lastSeenAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ type: CrawlRunView, nullable: true }) latestRun?: CrawlRunView | null;
}

export class PeerList {
  @ApiProperty({ type: [PeerView] }) items: PeerView[];
}

export class PeerDetail {
  @ApiProperty({ type: PeerView }) peer: PeerView;
  @ApiProperty({ type: [CrawlRunView], description: 'The latest runs, newest first' }) runs: CrawlRunView[];
}

export class DomainRuleRequest {
  @ApiProperty({ example: 'spam.example', description: 'Matches the domain and all its subdomains' })
  @IsString()
  @MaxLength(300)
  domain: string;

  @ApiProperty({ enum: RULE_ACTIONS })
  @IsIn(RULE_ACTIONS)
  action: (typeof RULE_ACTIONS)[number];

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class DomainRuleView {
  @ApiProperty() id: string;
  @ApiProperty() domain: string;
  @ApiProperty({ enum: RULE_ACTIONS }) action: string;
  @ApiProperty() note: string;
  @ApiProperty() createdAt: string;
}

export class DomainRuleList {
  @ApiProperty({ type: [DomainRuleView] }) items: DomainRuleView[];
}

export class FederationSettingsView {
  @ApiProperty({ description: 'Federate only with domains that have an allow rule' }) allowlistMode: boolean;
  @ApiProperty({ description: 'Other instances may register through the registry endpoints' })
  acceptRegistrations: boolean;
}

/** Either setting may be left out, never set to null (the columns hold a yes or a no). */
export class FederationSettingsRequest {
  @ApiPropertyOptional() @OptionalNotNull() @IsBoolean() allowlistMode?: boolean;
  @ApiPropertyOptional() @OptionalNotNull() @IsBoolean() acceptRegistrations?: boolean;
}
