import { MemoryFiguresRepository } from '../../../src/storage/memory/memory-figures-repository';
import { describeFiguresRepositoryContract } from '../../support/figures-repository-contract';

describeFiguresRepositoryContract('memory', async () => new MemoryFiguresRepository());
