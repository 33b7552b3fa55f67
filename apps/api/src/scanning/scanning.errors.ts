import { AppError } from '../common/errors/app-error';

export class ScanTimeoutError extends AppError {
  constructor(budgetMs: number) {
    super(
      'SCAN_TIMEOUT',
      `Scanning this content for secrets and hidden instructions took longer than ${budgetMs} ms; try again, or split it`,
      422,
      { budgetMs },
    );
  }
}
