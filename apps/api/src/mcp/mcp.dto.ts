import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class JsonRpcErrorBody {
  @ApiProperty({
    example: -32700,
    description: 'JSON-RPC 2.0 error code (-32700 parse error, -32600 invalid request…)',
  })
  code: number;

  @ApiProperty({ example: 'Parse error: Invalid JSON' })
  message: string;

  @ApiPropertyOptional()
  data?: unknown;
}

/**
 * What the MCP transport answers to a request it cannot take (wrong Accept or Content-Type, not JSON-RPC): a JSON-RPC
 * error, as MCP clients expect, not the API's envelope.
 */
export class JsonRpcErrorResponse {
  @ApiProperty({ example: '2.0' })
  jsonrpc: string;

  @ApiProperty({ type: JsonRpcErrorBody })
  error: JsonRpcErrorBody;

  @ApiProperty({ nullable: true, type: String, example: null })
  id: string | number | null;
}
