import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ErrorResponse } from '../common/errors/error-envelope';
import { packageVersion } from '../config/paths';

/** The API contract, generated from the controllers. The committed copy must match it (see openapi drift test). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('LynxPrompt API')
    .setDescription(
      'Author, version, share and export AI coding-assistant blueprints. Every error response uses the ErrorResponse ' +
        'envelope with a stable `code`.',
    )
    .setVersion(packageVersion())
    .setLicense('GPL-3.0-only', 'https://www.gnu.org/licenses/gpl-3.0.html')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A personal API token (lp_…)' })
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ErrorResponse],
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  // Every failure of every route uses the one envelope; say so once here rather than on each handler.
  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem)) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      operation.responses.default ??= {
        description: 'Any error, in the error envelope with a stable `code`',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
      };
    }
  }
  return document;
}

/** Serves the document at /api/openapi.json and interactive docs at /api/docs. */
export function serveOpenApi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
    customSiteTitle: 'LynxPrompt API',
  });
}

/** Stable serialisation, so regenerating an unchanged API yields a byte-identical file. */
export function serializeOpenApiDocument(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
