import { defineWinguestProject } from './src/project.ts';

export default defineWinguestProject();
