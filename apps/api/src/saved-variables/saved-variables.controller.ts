import { Body, Controller, Delete, Get, Header, HttpCode, Param, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { CurrentUser } from '../auth/current-principal.decorator';
import type { UserPrincipal } from '../auth/principal';
import { Authenticated } from '../common/security/route-policy';
import { SavedVariablesService } from './saved-variables.service';

export class SavedVariable {
  @ApiProperty({ example: 'OPENAI_API_KEY' }) name: string;
  @ApiProperty() value: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class SavedVariableList {
  @ApiProperty({ type: [SavedVariable] }) items: SavedVariable[];
}

export class SaveVariableRequest {
  @ApiProperty({ maxLength: 4096 })
  @IsString()
  @Length(0, 4096)
  value: string;
}

@ApiTags('saved-variables')
@Controller('api/v1/me/variables')
export class SavedVariablesController {
  constructor(private readonly savedVariables: SavedVariablesService) {}

  @Get()
  @Authenticated('variables:read')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: SavedVariableList, description: 'Your values, decrypted for you alone' })
  async list(@CurrentUser() principal: UserPrincipal): Promise<SavedVariableList> {
    return { items: await this.savedVariables.list(principal.userId) };
  }

  @Put(':name')
  @Authenticated('variables:write')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: SavedVariable })
  set(
    @Param('name') name: string,
    @Body() body: SaveVariableRequest,
    @CurrentUser() principal: UserPrincipal,
  ): Promise<SavedVariable> {
    return this.savedVariables.set(principal.userId, name, body.value);
  }

  @Delete(':name')
  @Authenticated('variables:write')
  @HttpCode(204)
  @ApiNoContentResponse()
  async delete(@Param('name') name: string, @CurrentUser() principal: UserPrincipal): Promise<void> {
    await this.savedVariables.delete(principal.userId, name);
  }
}
