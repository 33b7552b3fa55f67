import { ArgumentsHost, Catch, Injectable, type ExceptionFilter, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Request, Response } from 'express';
import { requestIdOf } from '../../common/request-context/request-id';
import { DeviceTokenRequest, type DeviceTokenParams } from './device.dto';
import { DeviceGrantError } from './device.errors';

/**
 * Validates the token request the OAuth way: unknown parameters are ignored (RFC 6749 §3.2) rather than refused, and
 * a missing or malformed one is `invalid_request`, not the envelope's VALIDATION_FAILED.
 */
@Injectable()
export class DeviceTokenParamsPipe implements PipeTransform<unknown, DeviceTokenParams> {
  transform(value: unknown): DeviceTokenParams {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new DeviceGrantError('invalid_request', 'Send grant_type, device_code and client_id');
    }
    const params = plainToInstance(DeviceTokenRequest, value);
    const invalid = validateSync(params, { whitelist: true }).map((error) => error.property);
    if (invalid.length > 0) {
      throw new DeviceGrantError('invalid_request', `Missing or invalid parameters: ${invalid.join(', ')}`);
    }
    return params;
  }
}

/** Writes DeviceGrantErrors as RFC 6749 §5.2 bodies; everything else still reaches the envelope filter. */
@Catch(DeviceGrantError)
export class DeviceGrantErrorFilter implements ExceptionFilter<DeviceGrantError> {
  catch(exception: DeviceGrantError, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    http
      .getResponse<Response>()
      .status(400)
      .set('Cache-Control', 'no-store')
      .json({ error: exception.error, error_description: exception.message, requestId: requestIdOf(request) });
  }
}
