package org.alignlab.monitor.controleval;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class RocPlotTest {

    @Test
    void rendersAPngOffScreen() throws Exception {
        RocCurve gate = RocCurve.of(new double[] {0.9, 0.7, 0.4, 0.2}, new boolean[] {true, false, true, false});
        RocCurve model = RocCurve.of(new double[] {0.6, 0.7, 0.4, 0.2}, new boolean[] {true, false, true, false});

        for (RocCurve modelAlone : new RocCurve[] {model, null}) {
            byte[] png = RocPlot.png(gate, modelAlone, 2, 2);

            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image).isNotNull();
            assertThat(image.getWidth()).isEqualTo(RocPlot.WIDTH);
            assertThat(image.getHeight()).isEqualTo(RocPlot.HEIGHT);
            // Something was drawn: not a blank white canvas.
            int darkPixels = 0;
            for (int x = 0; x < image.getWidth(); x += 2) {
                for (int y = 0; y < image.getHeight(); y += 2) {
                    darkPixels += (image.getRGB(x, y) & 0xff) < 128 ? 1 : 0;
                }
            }
            assertThat(darkPixels).isGreaterThan(500);
        }
    }
}
