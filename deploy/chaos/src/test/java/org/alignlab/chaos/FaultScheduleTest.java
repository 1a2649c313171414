package org.alignlab.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultScheduleTest {

    private static final List<Component> ALL = Arrays.asList(Component.values());

    @Test
    void theSameSeedDrawsTheSameScheduleAndAnotherSeedAnother() {
        FaultSchedule a = FaultSchedule.draw(7, 30, Duration.ofMinutes(10), ALL);
        FaultSchedule b = FaultSchedule.draw(7, 30, Duration.ofMinutes(10), ALL);
        FaultSchedule c = FaultSchedule.draw(8, 30, Duration.ofMinutes(10), ALL);
        assertThat(a.describe()).isEqualTo(b.describe());
        assertThat(a.faults()).isNotEqualTo(c.faults());
    }

    @Test
    void everyComponentIsKilledOnceBeforeAnyTwiceAndFaultsStayInOrderWithinTheLoad() {
        Duration load = Duration.ofMinutes(10);
        FaultSchedule schedule = FaultSchedule.draw(42, 30, load, ALL);
        assertThat(new HashSet<>(schedule.faults().subList(0, ALL.size()).stream()
                .map(FaultSchedule.Fault::component).toList())).containsExactlyInAnyOrderElementsOf(ALL);
        Duration previous = Duration.ZERO;
        for (FaultSchedule.Fault fault : schedule.faults()) {
            assertThat(fault.at()).isGreaterThan(previous).isLessThan(load);
            assertThat(fault.down()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(10));
            previous = fault.at();
        }
    }

    @Test
    void nearbySeedsDoNotStartAlike() {
        java.util.Set<Component> firsts = new HashSet<>();
        for (long seed = 1; seed <= 20; seed++) {
            firsts.add(FaultSchedule.draw(seed, 1, Duration.ofSeconds(60), ALL).faults().get(0).component());
        }
        assertThat(firsts).hasSizeGreaterThan(4);
    }

    @Test
    void theShortFormsSixFaultsHitSixDifferentComponents() {
        FaultSchedule schedule = FaultSchedule.draw(7, 6, Duration.ofSeconds(150), ALL);
        assertThat(schedule.faults()).hasSize(6);
        assertThat(schedule.faults().stream().map(FaultSchedule.Fault::component).distinct()).hasSize(6);
    }
}
