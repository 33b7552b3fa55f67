import { Module } from '@nestjs/common';
import { BlueprintsModule } from '../blueprints/blueprints.module';
import { McpController } from './mcp.controller';
import { McpServerService } from './mcp-server.service';

/** The MCP server at /mcp: a door onto the blueprints capability, with no logic of its own about access. */
@Module({
  imports: [BlueprintsModule],
  controllers: [McpController],
  providers: [McpServerService],
})
export class McpModule {}
