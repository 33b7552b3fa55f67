import { AppError } from '../common/errors/app-error';

export class AgentSkillNotFoundError extends AppError {
  constructor() {
    super('AGENT_SKILL_NOT_FOUND', 'No public, published skill has this id', 404);
  }
}
