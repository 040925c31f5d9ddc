import { Field, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

@InputType()
export class GenerateScheduleOptions {
  @Field(() => Int, { nullable: true, description: 'Stop improving after this many milliseconds (1,000–600,000)' })
  @IsOptional()
  @IsInt()
  @Min(1000)
  @Max(600_000)
  timeLimitMs?: number;

  @Field(() => Int, { nullable: true, description: 'Same seed, same schedule' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2 ** 31 - 1)
  seed?: number;

  @Field({ nullable: true, description: 'Also schedule recommended pairs nobody requested, where room is left' })
  @IsOptional()
  @IsBoolean()
  includeRecommendations?: boolean;

  @Field({ nullable: true, description: 'Keep the published schedule exactly as it is and add around it (a re-run after late changes)' })
  @IsOptional()
  @IsBoolean()
  keepPublished?: boolean;
}
