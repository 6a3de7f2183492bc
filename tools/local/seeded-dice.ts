/** The demo seed in src needs the same generator; tools keep importing it from here. */
export { seededDice } from '../../src/cli/demo/seeded-dice';
