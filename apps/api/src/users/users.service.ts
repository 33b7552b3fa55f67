import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { EmailTakenError, HandleTakenError, InvalidHandleError } from './users.errors';
import { UsersRepository, type NewUser } from './users.repository';

// GitHub-compatible handles: readable in URLs and unambiguous across federated instances.
const HANDLE_PATTERN = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){1,38}$/;

@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  async create(user: NewUser) {
    if (!HANDLE_PATTERN.test(user.handle)) throw new InvalidHandleError(user.handle);
    try {
      return await this.users.create(user);
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        const target = JSON.stringify(error.meta ?? {});
        throw target.includes('handle') ? new HandleTakenError(user.handle) : new EmailTakenError();
      }
      throw error;
    }
  }

  findByEmail(email: string) {
    return this.users.findByEmail(email);
  }

  findById(id: string) {
    return this.users.findById(id);
  }
}
